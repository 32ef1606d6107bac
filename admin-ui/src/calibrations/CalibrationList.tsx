import Tune from '@mui/icons-material/Tune';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  TextField,
  TopToolbar,
} from 'react-admin';
import { EmptyState, SHORT_DATETIME } from '@warden/web-common';
import type { Calibration } from '../types';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="Calibrate" />
  </TopToolbar>
);

const NoCalibrations = () => (
  <EmptyState
    icon={<Tune />}
    title="No calibration yet"
    hint={
      <>
        A calibration reads the labels of a labeling queue and, for each check and category, picks the
        threshold that meets a precision target with the most recall, counting how many recent calls would
        cross it. It needs a queue with labels; <strong>Calibrate</strong> starts one, and{' '}
        <strong>Propose</strong> on it turns the chosen thresholds into a policy proposal.
      </>
    }
    action={<CreateButton variant="contained" label="Calibrate" />}
  />
);

export const CalibrationList = () => (
  <List<Calibration>
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={<Actions />}
    empty={<NoCalibrations />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="createdAt" showTime options={SHORT_DATETIME} />
      <ReferenceField source="queueId" reference="label-queues" label="Labeling queue" link="show">
        <TextField source="name" />
      </ReferenceField>
      <ReferenceField
        source="applicationId"
        reference="applications"
        label="Application"
        link={false}
        emptyText="all applications"
      >
        <TextField source="name" />
      </ReferenceField>
      <NumberField source="precisionTarget" options={{ style: 'percent' }} />
      <NumberField source="labeledItems" />
      <FunctionField<Calibration>
        label="Thresholds chosen"
        render={(record) => `${record.rows.filter((row) => row.chosen).length} / ${record.rows.length}`}
      />
    </Datagrid>
  </List>
);
