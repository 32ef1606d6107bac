import VerifiedUser from '@mui/icons-material/VerifiedUser';
import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { EmptyState, EnumChipField, SHORT_DATETIME, toChoices } from '@warden/web-common';
import { FilteredEmpty } from '../common/FilteredEmpty';
import { MODEL_REVIEW_STATUSES } from './fineTunedModels';

const filters = [
  <TextInput key="q" source="q" label="Search" alwaysOn />,
  <SelectInput
    key="reviewStatus"
    source="reviewStatus"
    label="Review"
    choices={toChoices(MODEL_REVIEW_STATUSES)}
    alwaysOn
  />,
];

/** The list opens on the models still to review. */
const DEFAULT_FILTER = { reviewStatus: 'pending_review' };

const NoFineTunedModels = () => (
  <EmptyState
    icon={<VerifiedUser />}
    title="No fine-tuned model awaits review"
    hint={
      <>
        Each fine-tuning job a live application runs ends in a model that only its owner's sandbox keys may
        call. It appears here once the job succeeds: read its training screening, its samples beside its base
        model's and the bias comparison, then <strong>approve</strong> it for production keys or{' '}
        <strong>reject</strong> it.
      </>
    }
  />
);

export const FineTunedModelList = () => (
  <List
    filters={filters}
    filterDefaultValues={DEFAULT_FILTER}
    sort={{ field: 'createdAt', order: 'DESC' }}
    empty={<NoFineTunedModels />}
  >
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      empty={
        <FilteredEmpty
          defaults={DEFAULT_FILTER}
          empty={<NoFineTunedModels />}
          noMatch="No fine-tuned model matches these filters."
        />
      }
    >
      <TextField source="id" label="Model" />
      <TextField source="baseModel" />
      <EnumChipField source="reviewStatus" label="Review" options={MODEL_REVIEW_STATUSES} />
      <DateField source="createdAt" label="Created" showTime options={SHORT_DATETIME} />
      <DateField source="reviewedAt" label="Reviewed" showTime options={SHORT_DATETIME} emptyText="—" />
    </Datagrid>
  </List>
);
