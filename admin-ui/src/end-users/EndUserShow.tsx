import { Box, Grid, Stack } from '@mui/material';
import {
  DataTable,
  DateField,
  Labeled,
  ListButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { FULL_DATETIME, SHORT_DATETIME } from '@warden/web-common';
import { formatCount, formatPercent } from '../common/format';
import { Panel } from '../common/Panel';
import { StatCard } from '../common/StatCard';
import { VerdictChips } from '../common/VerdictTable';
import { asVerdicts } from '../common/verdicts';
import { StatusCodeField } from '../request-logs/RequestLogList';
import { promptPreview } from '../request-logs/chatMessages';
import type { EndUser, RequestLog } from '../types';
import { EndUserLogsButton, EndUserStatus } from './EndUserList';
import { BlockButton, UnblockButton } from './StandingButtons';

const EndUserTitle = () => {
  const record = useRecordContext<EndUser>();
  return <>{record ? `End user ${record.endUser}` : 'End user'}</>;
};

const Figures = () => {
  const record = useRecordContext<EndUser>();
  if (!record) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, md: 3 }}>
        <StatCard label="Requests" value={formatCount(record.requestCount)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <StatCard label="Flagged" value={formatCount(record.flaggedCount)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <StatCard
          label="Flagged rate"
          value={formatPercent(record.flaggedRate)}
          tone={record.flaggedRate > 0.2 ? 'warning' : 'default'}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <StatCard
          label="Strike points"
          value={formatCount(record.strikePoints)}
          tone={record.status === 'active' ? 'default' : 'error'}
          hint="earned by flagged verdicts, by severity"
        />
      </Grid>
    </Grid>
  );
};

/**
 * The end user's latest calls. Request logs are filtered by the `endUser` target and the application, since the
 * same name may belong to different people in different applications.
 */
const RecentCalls = () => {
  const record = useRecordContext<EndUser>();
  if (!record) return null;
  return (
    <ReferenceManyField<EndUser, RequestLog>
      reference="request-logs"
      source="endUser"
      target="endUser"
      filter={{ applicationId: record.applicationId }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[]} />}
    >
      <DataTable<RequestLog> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="When">
          <DateField source="createdAt" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
        </DataTable.Col>
        <DataTable.Col<RequestLog>
          label="Prompt"
          disableSort
          render={(log) => (
            <Box sx={{ maxWidth: 480, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {promptPreview(log)}
            </Box>
          )}
        />
        <DataTable.Col<RequestLog>
          label="Verdicts"
          disableSort
          render={(log) => <VerdictChips verdicts={asVerdicts(log.verdicts)} max={2} />}
        />
        <DataTable.Col source="statusCode" label="Status">
          <StatusCodeField />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};

/** One end user: standing, figures, and their latest calls. */
export const EndUserShow = () => (
  <Show<EndUser>
    title={<EndUserTitle />}
    actions={
      <TopToolbar>
        <EndUserLogsButton />
        <UnblockButton size="medium" />
        <BlockButton size="medium" />
        <ListButton label="End users" />
      </TopToolbar>
    }
    component="div"
  >
    <Stack spacing={2}>
      <Panel title={<TextField source="endUser" variant="subtitle1" sx={{ fontWeight: 600 }} />}>
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label="Application">
            <ReferenceField source="applicationId" reference="applications" link="show">
              <TextField source="name" />
            </ReferenceField>
          </Labeled>
          <Labeled label="Status">
            <EndUserStatus />
          </Labeled>
          <Labeled label="Reason">
            <TextField source="statusReason" emptyText="—" />
          </Labeled>
          <Labeled label="Status since">
            <DateField source="statusChangedAt" showTime options={FULL_DATETIME} emptyText="—" />
          </Labeled>
          <Labeled label="First seen">
            <DateField source="firstSeenAt" showTime options={FULL_DATETIME} />
          </Labeled>
          <Labeled label="Last seen">
            <DateField source="lastSeenAt" showTime options={FULL_DATETIME} />
          </Labeled>
        </Stack>
      </Panel>
      <Figures />
      <Panel title="Latest calls">
        <RecentCalls />
      </Panel>
    </Stack>
  </Show>
);
