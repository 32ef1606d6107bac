import NotificationsNone from '@mui/icons-material/NotificationsNone';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { EmptyState, EnumChipField, SHORT_DATETIME, toChoices } from '@warden/web-common';
import { ALERT_RULES, ALERT_SEVERITIES, ALERT_STATUSES } from '../common/enums';
import type { Alert, AlertSeverity } from '../types';
import { AlertActionButtons } from './AlertActionButtons';

const alertFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title or application" sx={{ width: 240 }} />,
  <SelectInput key="status" source="status" choices={toChoices(ALERT_STATUSES)} alwaysOn />,
  <SelectInput key="severity" source="severity" choices={toChoices(ALERT_SEVERITIES)} alwaysOn />,
  <SelectInput key="ruleId" source="ruleId" label="Rule" choices={toChoices(ALERT_RULES)} />,
  <ReferenceInput key="applicationId" source="applicationId" reference="applications">
    <AutocompleteInput label="Application" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const SEVERITY_BORDER: Record<AlertSeverity, string> = {
  info: '#64b5f6',
  warning: '#ff9800',
  critical: '#f44336',
};

const rowSx = (record: Alert) => ({
  borderLeft: `5px solid ${record.status === 'resolved' ? 'transparent' : SEVERITY_BORDER[record.severity]}`,
  ...(record.status === 'resolved' ? { opacity: 0.7 } : {}),
});

const TitleCell = ({ record }: { record: Alert }) => (
  <Box>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {record.title}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {ALERT_RULES[record.ruleId]?.label ?? record.ruleId}
      {record.applicationName ? ` · ${record.applicationName}` : ''}
      {record.actionTaken ? ` · action: ${record.actionTaken}` : ''}
    </Typography>
  </Box>
);

const Empty = () => (
  <EmptyState
    icon={<NotificationsNone />}
    title="No alert yet"
    hint="The worker runs the anomaly rules on a schedule (volume and flagged-rate spikes, bursts of blocked prompts, one key from many addresses, traffic to suspended applications); each firing appears here."
  />
);

/** Alerts raised by the anomaly rules, newest first; open ones carry their severity on the left. */
export const AlertList = () => (
  <List<Alert>
    title="Alerts"
    filters={alertFilters}
    sort={{ field: 'firedAt', order: 'DESC' }}
    perPage={25}
    empty={<Empty />}
  >
    <DataTable<Alert> rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <DataTable.Col source="severity">
        <EnumChipField source="severity" options={ALERT_SEVERITIES} />
      </DataTable.Col>
      <DataTable.Col<Alert>
        source="ruleId"
        label="Alert"
        render={(record) => <TitleCell record={record} />}
      />
      <DataTable.Col source="status">
        <EnumChipField source="status" options={ALERT_STATUSES} />
      </DataTable.Col>
      <DataTable.Col source="firedAt" label="Fired">
        <DateField source="firedAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col label="Actions" disableSort>
        <AlertActionButtons />
      </DataTable.Col>
    </DataTable>
  </List>
);
