import LockOpen from '@mui/icons-material/LockOpen';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { WardenDataProvider } from '../dataProvider';
import type { EndUser } from '../types';

/** Lifts a throttle or block and clears the strike points, with a reason for the audit log. */
export const UnblockButton = ({ size = 'small' }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<EndUser>();
  const { canAccess } = useCanAccess({ resource: 'end-users', action: 'unblock' });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || !canAccess || record.status === 'active') return null;

  const confirm = async (reason: string) => {
    setPending(true);
    try {
      await dataProvider.unblockEndUser(record.id, reason);
      notify(`${record.endUser} can call ${record.applicationName} again`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The end user was not unblocked', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <span onClick={(event) => event.stopPropagation()}>
      <Button size={size} color="success" startIcon={<LockOpen />} onClick={() => setOpen(true)}>
        {record.status === 'blocked' ? 'Unblock' : 'Lift throttle'}
      </Button>
      <ReasonDialog
        open={open}
        title={`Unblock ${record.endUser}`}
        subject={`${record.endUser} of ${record.applicationName}: ${record.strikePoints} strike points, ${record.status}.`}
        consequence="Their strike points are reset and their calls are served at the normal rate again. The developer is notified."
        severity="warning"
        confirmLabel="Unblock"
        color="success"
        reasonRequired
        pending={pending}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setOpen(false)}
      />
    </span>
  );
};
