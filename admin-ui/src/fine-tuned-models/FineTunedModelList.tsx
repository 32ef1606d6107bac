import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { EnumChipField, toChoices } from '../common/EnumChipField';
import { MODEL_REVIEW_STATUSES } from './fineTunedModels';

const filters = [
  <TextInput key="q" source="q" label="Search" alwaysOn />,
  <SelectInput
    key="reviewStatus"
    source="reviewStatus"
    choices={toChoices(MODEL_REVIEW_STATUSES)}
    alwaysOn
  />,
];

export const FineTunedModelList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ reviewStatus: 'pending_review' }}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" label="Model" />
      <TextField source="baseModel" />
      <EnumChipField source="reviewStatus" label="Review" options={MODEL_REVIEW_STATUSES} />
      <DateField source="createdAt" showTime />
      <DateField source="reviewedAt" showTime emptyText="—" />
    </Datagrid>
  </List>
);
