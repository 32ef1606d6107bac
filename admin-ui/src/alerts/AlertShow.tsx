import { Box, Grid, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import {
  DateField,
  Labeled,
  ListButton,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EnumChipField, FULL_DATETIME } from '@warden/web-common';
import { ALERT_RULES, ALERT_SEVERITIES, ALERT_STATUSES } from '../common/enums';
import { Panel } from '../common/Panel';
import type { Alert } from '../types';
import { AlertActionButtons } from './AlertActionButtons';

const AlertTitle = () => {
  const record = useRecordContext<Alert>();
  return <>{record ? `Alert: ${ALERT_RULES[record.ruleId]?.label ?? record.ruleId}` : 'Alert'}</>;
};

/** Rates arrive as fractions; everything else is a count or a plain value. */
function displayFigure(key: string, value: unknown): string {
  if (typeof value === 'number') {
    if (/rate|share/i.test(key) && value <= 1) return `${(value * 100).toFixed(1)} %`;
    return Number.isInteger(value) ? value.toLocaleString() : value.toFixed(2);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const Figures = () => {
  const record = useRecordContext<Alert>();
  const entries = Object.entries(record?.details ?? {});
  if (entries.length === 0) return <Typography color="text.secondary">No figures.</Typography>;
  return (
    <Table size="small">
      <TableBody>
        {entries.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell sx={{ color: 'text.secondary', width: 200 }}>
              {key.replace(/([A-Z])/g, ' $1').toLowerCase()}
            </TableCell>
            <TableCell>{displayFigure(key, value)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Lifecycle = () => {
  const record = useRecordContext<Alert>();
  if (!record) return null;
  return (
    <Stack spacing={1.5}>
      <Labeled label="Fired">
        <DateField source="firedAt" showTime options={FULL_DATETIME} />
      </Labeled>
      <Labeled label="Acknowledged">
        <Box component="span">
          {record.acknowledgedAt
            ? `${new Date(record.acknowledgedAt).toLocaleString()} by ${record.acknowledgedBy ?? '—'}`
            : '—'}
        </Box>
      </Labeled>
      <Labeled label="Resolved">
        <Box component="span">
          {record.resolvedAt
            ? `${new Date(record.resolvedAt).toLocaleString()} by ${record.resolvedBy ?? '—'}`
            : '—'}
        </Box>
      </Labeled>
      <Labeled label="Resolution">
        <TextField source="resolution" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      </Labeled>
    </Stack>
  );
};

const Header = () => {
  const record = useRecordContext<Alert>();
  if (!record) return null;
  return (
    <Panel title={record.title} subtitle={ALERT_RULES[record.ruleId]?.label ?? record.ruleId}>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Labeled label="Severity">
          <EnumChipField source="severity" options={ALERT_SEVERITIES} />
        </Labeled>
        <Labeled label="Status">
          <EnumChipField source="status" options={ALERT_STATUSES} />
        </Labeled>
        <Labeled label="Application">
          <ReferenceField source="applicationId" reference="applications" link="show" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Labeled>
        <Labeled label="Key">
          <ReferenceField source="apiKeyId" reference="api-keys" link="show" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Labeled>
        <Labeled label="Window">
          <Box component="span">
            {new Date(record.windowStart).toLocaleString()} –{' '}
            {new Date(record.windowEnd).toLocaleTimeString()}
          </Box>
        </Labeled>
        <Labeled label="Action taken">
          <TextField source="actionTaken" emptyText="none" />
        </Labeled>
      </Stack>
      <Box sx={{ mt: 2 }}>
        <AlertActionButtons size="medium" />
      </Box>
    </Panel>
  );
};

/** One alert: what the rule saw, what it did, and who handled it. */
export const AlertShow = () => (
  <Show<Alert>
    title={<AlertTitle />}
    actions={
      <TopToolbar>
        <ListButton label="Alerts" />
      </TopToolbar>
    }
    component="div"
  >
    <Stack spacing={2}>
      <Header />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel title="Figures" subtitle="What the rule compared in its window">
            <Figures />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Panel title="Handling">
            <Lifecycle />
          </Panel>
        </Grid>
      </Grid>
    </Stack>
  </Show>
);
