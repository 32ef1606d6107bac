import Add from '@mui/icons-material/Add';
import Block from '@mui/icons-material/Block';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  Confirm,
  DataTable,
  DateField,
  ReferenceManyField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { EnumChipField, KEY_KINDS, KEY_STATUSES, SHORT_DATETIME } from '@warden/web-common';
import { Panel } from '../common/Panel';
import { SecretDialog, type IssuedSecret } from '../common/SecretDialog';
import type { PortalDataProvider } from '../dataProvider';
import { acceptsKeys } from '../applications/reviewSteps';
import type { ApiKey, Application } from '../types';

const KeyCell = ({ record }: { record: ApiKey }) => (
  <Box>
    <Typography variant="body2">{record.name}</Typography>
    <Typography
      variant="caption"
      color="text.secondary"
      sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
    >
      {record.prefix}…
    </Typography>
  </Box>
);

const RevokeButton = ({ application }: { application: Application }) => {
  const key = useRecordContext<ApiKey>();
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.revokeKey(application.id, key!.id),
    onSuccess: () => {
      notify('Key revoked', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  if (!key || (key.status !== 'active' && key.status !== 'suspended')) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<Block />} onClick={() => setConfirming(true)}>
        Revoke
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title={`Revoke “${key.name}”?`}
        content={`Calls with ${key.prefix}… are refused from now on, for good. Create a new key first if something still uses this one.`}
        confirm="Revoke"
        confirmColor="warning"
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};

const CreateKeyButton = ({ application }: { application: Application }) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const kind = application.status === 'live' ? 'production' : 'sandbox';
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.createKey(application.id, name.trim()),
    onSuccess: (key) => {
      setNaming(false);
      setName('');
      setIssued({ secret: key.secret!, kind: key.kind });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) mutate();
  };
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<Add />} onClick={() => setNaming(true)}>
        Create {kind} key
      </Button>
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="xs" fullWidth>
        <form onSubmit={submit}>
          <DialogTitle>Create a {kind} key</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Name it after where it will be used, so you know which one to revoke if it leaks.
            </Typography>
            <MuiTextField
              autoFocus
              fullWidth
              required
              name="keyName"
              label="Key name"
              placeholder="e.g. production web server"
              value={name}
              onChange={(event) => setName(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => setNaming(false)}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={isPending || !name.trim()}>
              Create key
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
};

/** The application's keys: prefixes only (secrets are shown once, when issued), with revoke and create. */
export const KeysPanel = ({ application }: { application: Application }) => (
  <Panel
    testId="keys"
    title="API keys"
    subtitle="Keys authenticate your calls to /v1. Sandbox keys keep sandbox limits even after the application goes live."
    action={
      acceptsKeys(application) && !application.enforcement ? (
        <CreateKeyButton application={application} />
      ) : null
    }
  >
    <ReferenceManyField<Application, ApiKey>
      reference="keys"
      target="applicationId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
    >
      <DataTable<ApiKey> bulkActionButtons={false} rowClick={false} size="small">
        <DataTable.Col<ApiKey> source="name" label="Key" render={(record) => <KeyCell record={record} />} />
        <DataTable.Col source="kind">
          <EnumChipField source="kind" options={KEY_KINDS} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumChipField source="status" options={KEY_STATUSES} />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Created">
          <DateField source="createdAt" showTime options={SHORT_DATETIME} />
        </DataTable.Col>
        <DataTable.Col source="lastUsedAt" label="Last used">
          <DateField source="lastUsedAt" showTime options={SHORT_DATETIME} emptyText="Never" />
        </DataTable.Col>
        <DataTable.Col label="" align="right">
          <RevokeButton application={application} />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  </Panel>
);
