import { Datagrid, DateField, List, NumberField, SelectInput, TextField, TextInput } from 'react-admin';
import { EnumChipField, toChoices } from '../common/EnumChipField';
import { JOB_STATUSES, SCREENING_STATUSES } from './fineTuning';
import { JobTrainingExpand } from './TrainingPanels';

const filters = [
  <TextInput key="q" source="q" label="Search" alwaysOn />,
  <SelectInput key="status" source="status" choices={toChoices(JOB_STATUSES)} />,
  <SelectInput key="screeningStatus" source="screeningStatus" choices={toChoices(SCREENING_STATUSES)} />,
];

export const FineTuningJobList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} expand={<JobTrainingExpand />}>
      <TextField source="id" />
      <TextField source="model" />
      <EnumChipField source="status" options={JOB_STATUSES} />
      <EnumChipField source="screeningStatus" label="Screening" options={SCREENING_STATUSES} />
      <TextField source="fineTunedModel" emptyText="—" />
      <NumberField source="trainedTokens" emptyText="—" />
      <DateField source="createdAt" showTime />
    </Datagrid>
  </List>
);
