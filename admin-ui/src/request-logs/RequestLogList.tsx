import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  TextField,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { SHORT_DATETIME } from '../common/dates';
import type { RequestLog } from '../types';

const requestLogFilters = [
  <ReferenceInput key="applicationId" source="applicationId" reference="applications" alwaysOn>
    <AutocompleteInput label="Application" optionText="name" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <TextInput key="endUser" source="endUser" label="End user" />,
  <TextInput key="errorCode" source="errorCode" label="Error code" />,
];

export const StatusCodeField = () => {
  const record = useRecordContext<RequestLog>();
  if (!record) return null;
  const color = record.statusCode < 300 ? 'success' : record.statusCode < 500 ? 'warning' : 'error';
  return <Chip size="small" variant="outlined" color={color} label={record.statusCode} />;
};

/** The record stage's output: one row per /v1 call, newest first. */
export const RequestLogList = () => (
  <List<RequestLog>
    title="Request log"
    filters={requestLogFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={50}
  >
    <DataTable<RequestLog> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt" label="When">
        <DateField source="createdAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="applicationId" label="Application" disableSort>
        <ReferenceField source="applicationId" reference="applications" link="show" emptyText="—">
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="endUser" label="End user">
        <TextField source="endUser" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="model">
        <TextField source="model" sx={{ whiteSpace: 'nowrap' }} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="statusCode" label="Status">
        <StatusCodeField />
      </DataTable.Col>
      <DataTable.Col source="errorCode" label="Error" disableSort>
        <TextField source="errorCode" sx={{ fontFamily: 'monospace' }} emptyText="—" />
      </DataTable.Col>
      <DataTable.NumberCol source="promptTokens" label="Prompt tokens" disableSort />
      <DataTable.NumberCol source="completionTokens" label="Output tokens" disableSort />
      <DataTable.Col source="latencyMs" label="Latency">
        <NumberField
          source="latencyMs"
          options={{ style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }}
        />
      </DataTable.Col>
    </DataTable>
  </List>
);
