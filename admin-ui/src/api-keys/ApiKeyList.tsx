import { Box, Tooltip, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import {
  EnumChipField,
  KEY_KINDS,
  KEY_STATUSES,
  SHORT_DATE,
  SHORT_DATETIME,
  toChoices,
} from '@warden/web-common';
import type { ApiKey } from '../types';
import { KeyActionButtons } from './KeyActionButtons';

const keyFilters = [
  <ReferenceInput key="applicationId" source="applicationId" reference="applications" alwaysOn>
    <AutocompleteInput label="Application" optionText="name" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={toChoices(KEY_STATUSES)} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={toChoices(KEY_KINDS)} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Issue key" />
  </TopToolbar>
);

const KeyCell = ({ record }: { record: ApiKey }) => (
  <Box>
    <Typography variant="body2">{record.name}</Typography>
    <Typography
      variant="caption"
      color="text.secondary"
      sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
    >
      {record.prefix}
    </Typography>
  </Box>
);

/** A status chip whose tooltip gives the reason staff recorded for the last change. */
const StatusWithReason = () => {
  const record = useRecordContext<ApiKey>();
  if (!record) return null;
  const chip = (
    <span>
      <EnumChipField source="status" options={KEY_STATUSES} />
    </span>
  );
  return record.statusReason ? <Tooltip title={record.statusReason}>{chip}</Tooltip> : chip;
};

export const ApiKeyList = () => (
  <List<ApiKey>
    title="Keys"
    filters={keyFilters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable<ApiKey> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col<ApiKey> source="name" label="Key" render={(record) => <KeyCell record={record} />} />
      <DataTable.Col source="applicationName" label="Application">
        <ReferenceField source="applicationId" reference="applications" link="show">
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="kind">
        <EnumChipField source="kind" options={KEY_KINDS} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <StatusWithReason />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" options={SHORT_DATE} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt" label="Last used">
        <DateField
          source="lastUsedAt"
          showTime
          options={SHORT_DATETIME}
          emptyText="never"
          sx={{ whiteSpace: 'nowrap' }}
        />
      </DataTable.Col>
      <DataTable.Col source="expiresAt" label="Expires">
        <DateField source="expiresAt" options={SHORT_DATE} emptyText="never" sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col label="Actions" disableSort>
        <KeyActionButtons compact />
      </DataTable.Col>
    </DataTable>
  </List>
);
