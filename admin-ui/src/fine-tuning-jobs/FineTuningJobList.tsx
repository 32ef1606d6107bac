import ModelTraining from '@mui/icons-material/ModelTraining';
import { Datagrid, DateField, List, NumberField, SelectInput, TextField, TextInput } from 'react-admin';
import { EmptyState, EnumChipField, SHORT_DATETIME, toChoices } from '@warden/web-common';
import { JOB_STATUSES, SCREENING_STATUSES } from './fineTuning';
import { JobTrainingExpand } from './TrainingPanels';

const filters = [
  <TextInput key="q" source="q" label="Search" alwaysOn />,
  <SelectInput key="status" source="status" choices={toChoices(JOB_STATUSES)} />,
  <SelectInput key="screeningStatus" source="screeningStatus" choices={toChoices(SCREENING_STATUSES)} />,
];

const NoFineTuningJobs = () => (
  <EmptyState
    icon={<ModelTraining />}
    title="No fine-tuning job yet"
    hint={
      <>
        Developers of live applications start fine-tuning jobs with the OpenAI SDK (
        <code>/v1/fine_tuning/jobs</code>). Each job's training file is screened by the moderation checks
        first: a job whose flagged share falls in the policy's review band waits here for staff to approve or
        reject its screening. A job that succeeds produces a model reviewed under{' '}
        <strong>Fine-tuned models</strong>.
      </>
    }
  />
);

export const FineTuningJobList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} empty={<NoFineTuningJobs />}>
    <Datagrid rowClick="show" bulkActionButtons={false} expand={<JobTrainingExpand />}>
      <TextField source="id" />
      <TextField source="model" />
      <EnumChipField source="status" options={JOB_STATUSES} />
      <EnumChipField source="screeningStatus" label="Screening" options={SCREENING_STATUSES} />
      <TextField source="fineTunedModel" emptyText="—" />
      <NumberField source="trainedTokens" emptyText="—" />
      <DateField source="createdAt" showTime options={SHORT_DATETIME} />
    </Datagrid>
  </List>
);
