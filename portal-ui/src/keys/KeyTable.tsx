import Block from '@mui/icons-material/Block';
import { Box, Button, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Confirm,
  DataTable,
  DateField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { EnumChipField, KEY_KINDS, KEY_STATUSES, SHORT_DATETIME } from '@warden/web-common';
import type { PortalDataProvider } from '../dataProvider';
import type { ApiKey } from '../types';

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

/** A research key belongs to its grant's application (same id), so the application's revoke serves both. */
const RevokeButton = () => {
  const key = useRecordContext<ApiKey>();
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.revokeKey(key!.applicationId, key!.id),
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

/**
 * Keys by prefix (a secret is shown once, when issued) with their kind, status and dates, and revoke. Time-boxed
 * keys (research grants) show when they expire instead of their kind.
 */
export const KeyTable = ({ timeBoxed = false }: { timeBoxed?: boolean }) => (
  <DataTable<ApiKey> bulkActionButtons={false} rowClick={false} size="small">
    <DataTable.Col<ApiKey> source="name" label="Key" render={(record) => <KeyCell record={record} />} />
    {!timeBoxed && (
      <DataTable.Col source="kind">
        <EnumChipField source="kind" options={KEY_KINDS} />
      </DataTable.Col>
    )}
    <DataTable.Col source="status">
      <EnumChipField source="status" options={KEY_STATUSES} />
    </DataTable.Col>
    <DataTable.Col source="createdAt" label="Created">
      <DateField source="createdAt" showTime options={SHORT_DATETIME} />
    </DataTable.Col>
    {timeBoxed && (
      <DataTable.Col source="expiresAt" label="Expires">
        <DateField source="expiresAt" showTime options={SHORT_DATETIME} />
      </DataTable.Col>
    )}
    <DataTable.Col source="lastUsedAt" label="Last used">
      <DateField source="lastUsedAt" showTime options={SHORT_DATETIME} emptyText="Never" />
    </DataTable.Col>
    <DataTable.Col label="" align="right">
      <RevokeButton />
    </DataTable.Col>
  </DataTable>
);
