import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  TextField,
  TopToolbar,
} from 'react-admin';
import type { Calibration } from '../types';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="Calibrate" />
  </TopToolbar>
);

export const CalibrationList = () => (
  <List<Calibration> sort={{ field: 'createdAt', order: 'DESC' }} actions={<Actions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="createdAt" showTime />
      <TextField source="queueId" label="Labeling queue" />
      <TextField source="applicationId" label="Application" emptyText="all applications" />
      <NumberField source="precisionTarget" options={{ style: 'percent' }} />
      <NumberField source="labeledItems" />
      <FunctionField<Calibration>
        label="Thresholds chosen"
        render={(record) => `${record.rows.filter((row) => row.chosen).length} / ${record.rows.length}`}
      />
    </Datagrid>
  </List>
);
