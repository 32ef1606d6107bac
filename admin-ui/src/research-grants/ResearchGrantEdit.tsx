import {
  AutocompleteArrayInput,
  BooleanInput,
  DateTimeInput,
  Edit,
  NumberInput,
  SimpleForm,
  useRecordContext,
} from 'react-admin';
import { MODERATION_CATEGORIES } from '../common/enums';
import type { ResearchGrant } from './types';

const categoryChoices = MODERATION_CATEGORIES.map((category) => ({ id: category, name: category }));

/** Dates are set before approval; once approved, only a renewal moves the end. */
const Dates = () => {
  const record = useRecordContext<ResearchGrant>();
  const locked = record?.reviewState === 'approved';
  const helper = locked ? 'Approved: the end moves only through a renewal' : 'Required before approval';
  return (
    <>
      <DateTimeInput source="startsAt" disabled={locked} helperText={helper} />
      <DateTimeInput source="endsAt" label="Expiry (ends at)" disabled={locked} helperText={helper} />
    </>
  );
};

export const ResearchGrantEdit = () => (
  <Edit<ResearchGrant> title="Research grant terms" mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <Dates />
      <NumberInput source="quotas.requestsPerDay" label="Requests per day" />
      <NumberInput source="quotas.tokensPerDay" label="Tokens per day" />
      <NumberInput source="quotas.requestsTotal" label="Requests in total" />
      <NumberInput source="quotas.tokensTotal" label="Tokens in total" />
      <BooleanInput source="profile.allowLogprobs" label="Allow logprobs" />
      <BooleanInput source="profile.allowEcho" label="Allow echo" />
      <BooleanInput source="profile.lockedDown" label="Locked down (outputs never leave the log)" />
      <AutocompleteArrayInput
        source="profile.observeOnlyCategories"
        label="Observe-only categories"
        choices={categoryChoices}
      />
    </SimpleForm>
  </Edit>
);
