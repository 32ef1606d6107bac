import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { MODERATION_CATEGORIES } from '../common/enums';
import { SAMPLING_CHOICES } from './sampling';

interface QueueDraft {
  name: string;
  applicationId?: string | null;
  category?: string;
  flagged?: string;
  createdAfter?: string;
  q?: string;
  rule: string;
  nearCategory?: string;
  band?: number;
  seed?: number;
  targetSize: number;
  labelsPerItem: number;
}

const CATEGORY_CHOICES = MODERATION_CATEGORIES.map((category) => ({ id: category, name: category }));

/** The form's fields become the request-log filter (the names the request-log list takes) and the sampling rule. */
const transform = (draft: QueueDraft) => {
  const filter: Record<string, string> = {};
  if (draft.applicationId) filter.applicationId = draft.applicationId;
  if (draft.category) filter.category = draft.category;
  if (draft.flagged) filter.flagged = draft.flagged;
  if (draft.createdAfter) filter.createdAfter = new Date(draft.createdAfter).toISOString();
  if (draft.q?.trim()) filter.q = draft.q.trim();
  const sampling =
    draft.rule === 'near_threshold'
      ? { rule: draft.rule, category: draft.nearCategory, band: draft.band }
      : draft.rule === 'uniform'
        ? { rule: draft.rule, seed: draft.seed ?? 0 }
        : { rule: draft.rule };
  return {
    name: draft.name,
    filter,
    sampling,
    targetSize: draft.targetSize,
    labelsPerItem: draft.labelsPerItem,
  };
};

/** A queue is sampled once, when it is created: the calls the filter matches, picked by the rule, up to the size. */
export const LabelQueueCreate = () => (
  <Create title="New labeling queue" transform={transform} redirect="show">
    <SimpleForm defaultValues={{ rule: 'flagged', targetSize: 100, labelsPerItem: 1, band: 0.1, seed: 1 }}>
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="applicationId" reference="applications">
        <AutocompleteInput label="Application (any when empty)" optionText="name" />
      </ReferenceInput>
      <SelectInput source="category" label="Triggered category" choices={CATEGORY_CHOICES} emptyText="Any" />
      <SelectInput
        source="flagged"
        label="Flagged"
        choices={[
          { id: 'true', name: 'Flagged calls only' },
          { id: 'false', name: 'Unflagged calls only' },
        ]}
        emptyText="Either"
      />
      <TextInput source="createdAfter" label="Logged after" type="datetime-local" />
      <TextInput source="q" label="Text search" />
      <SelectInput source="rule" label="Sampling" choices={SAMPLING_CHOICES} validate={required()} />
      <FormDataConsumer<QueueDraft>>
        {({ formData }) =>
          formData.rule === 'near_threshold' ? (
            <>
              <SelectInput
                source="nearCategory"
                label="Category"
                choices={CATEGORY_CHOICES}
                validate={required()}
              />
              <NumberInput
                source="band"
                label="Band around the threshold (±)"
                step={0.01}
                validate={[required(), minValue(0.001), maxValue(1)]}
              />
            </>
          ) : formData.rule === 'uniform' ? (
            <NumberInput source="seed" validate={[required(), minValue(0)]} />
          ) : null
        }
      </FormDataConsumer>
      <NumberInput
        source="targetSize"
        label="Target size"
        validate={[required(), minValue(1), maxValue(10000)]}
      />
      <SelectInput
        source="labelsPerItem"
        label="Labels per item"
        choices={[
          { id: 1, name: 'One labeler' },
          { id: 2, name: 'Two labelers (agreement is measured)' },
        ]}
      />
    </SimpleForm>
  </Create>
);
