import { Box, Grid, Typography } from '@mui/material';
import { DataTable, DateField, List, SearchInput, TextField, TextInput, useRecordContext } from 'react-admin';
import { SHORT_DATETIME } from '@warden/web-common';
import { JsonField } from '../common/JsonField';
import type { AuditEntry } from '../types';
import { ChainStatusBanner } from './ChainStatusBanner';

const auditFilters = [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder="Action, actor, entity or request id"
    sx={{ width: 300 }}
  />,
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" label="Entity type" />,
  <TextInput key="entityId" source="entityId" label="Entity id" />,
  <TextInput key="requestId" source="requestId" label="Request id" />,
];

const Actor = () => {
  const record = useRecordContext<AuditEntry>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2">{record.actorEmail ?? record.actorId ?? '—'}</Typography>
      <Typography variant="caption" color="text.secondary">
        {record.actorType}
      </Typography>
    </Box>
  );
};

const Entity = () => {
  const record = useRecordContext<AuditEntry>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2">{record.entityType}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.entityId}
      </Typography>
    </Box>
  );
};

const Change = () => (
  <Grid container spacing={2} sx={{ p: 1 }}>
    <Grid size={{ xs: 12, md: 6 }}>
      <Typography variant="overline" component="div">
        Before
      </Typography>
      <JsonField source="before" />
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <Typography variant="overline" component="div">
        After
      </Typography>
      <JsonField source="after" />
    </Grid>
    <Grid size={12}>
      <Typography
        variant="caption"
        color="text.secondary"
        sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        hash <TextField source="hash" variant="caption" /> · previous{' '}
        <TextField source="prevHash" variant="caption" emptyText="(genesis)" />
      </Typography>
    </Grid>
  </Grid>
);

/** Every state-changing action by staff and developers, append-only; expand a row for before and after. */
export const AuditLogList = () => (
  <List<AuditEntry>
    title="Audit log"
    filters={auditFilters}
    sort={{ field: 'seq', order: 'DESC' }}
    perPage={50}
  >
    <Box sx={{ px: 2, pt: 1 }}>
      <ChainStatusBanner />
    </Box>
    <DataTable<AuditEntry> bulkActionButtons={false} expand={<Change />} rowClick="expand">
      <DataTable.NumberCol source="seq" label="#" />
      <DataTable.Col source="at" label="When">
        <DateField source="at" showTime options={SHORT_DATETIME} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="actorEmail" label="Actor">
        <Actor />
      </DataTable.Col>
      <DataTable.Col source="action">
        <TextField source="action" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="entityType" label="Entity">
        <Entity />
      </DataTable.Col>
      <DataTable.Col source="requestId" label="Request id" disableSort>
        <TextField source="requestId" sx={{ fontFamily: 'monospace', fontSize: 12 }} emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
