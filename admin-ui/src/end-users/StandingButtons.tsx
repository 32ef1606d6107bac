import Block from '@mui/icons-material/Block';
import LockOpen from '@mui/icons-material/LockOpen';
import { Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { WardenDataProvider } from '../dataProvider';
import type { EndUser } from '../types';

type Size = 'small' | 'medium';

/** Lifts a throttle or block (one staff imposed too) and clears the strike points, with a reason for the audit log. */
export const UnblockButton = ({ size = 'small' }: { size?: Size }) => {
  const record = useRecordContext<EndUser>();
  const dataProvider = useDataProvider<WardenDataProvider>();
  if (!record || record.status === 'active') return null;
  return (
    <StandingDecision
      record={record}
      size={size}
      action="unblock"
      label={record.status === 'blocked' ? 'Unblock' : 'Lift throttle'}
      icon={<LockOpen />}
      color="success"
      title={`Unblock ${record.endUser}`}
      consequence="Their strike points are reset and their calls are served at the normal rate again. The developer is notified."
      done={`${record.endUser} can call ${record.applicationName} again`}
      failed="The end user was not unblocked"
      decide={(reason) => dataProvider.unblockEndUser(record.id, reason)}
    />
  );
};

/**
 * Blocks an end user until staff lift it: unlike a block earned by strikes, it does not lapse as the points fade.
 * Shown for an end user not already blocked by staff.
 */
export const BlockButton = ({ size = 'small' }: { size?: Size }) => {
  const record = useRecordContext<EndUser>();
  const dataProvider = useDataProvider<WardenDataProvider>();
  if (!record || record.blockedByStaff) return null;
  return (
    <StandingDecision
      record={record}
      size={size}
      action="block"
      label={record.status === 'blocked' ? 'Keep blocked' : 'Block'}
      icon={<Block />}
      color="error"
      title={`Block ${record.endUser}`}
      consequence="Their calls are refused until staff unblock them, however their strike points fade. The developer is notified."
      done={`${record.endUser} is blocked until staff unblock them`}
      failed="The end user was not blocked"
      decide={(reason) => dataProvider.blockEndUser(record.id, reason)}
    />
  );
};

interface StandingDecisionProps {
  record: EndUser;
  size: Size;
  action: 'block' | 'unblock';
  label: string;
  icon: ReactNode;
  color: 'success' | 'error';
  title: string;
  consequence: string;
  done: string;
  failed: string;
  decide: (reason: string) => Promise<EndUser>;
}

const StandingDecision = ({ record, size, action, label, icon, color, ...dialog }: StandingDecisionProps) => {
  const { canAccess } = useCanAccess({ resource: 'end-users', action });
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!canAccess) return null;

  const confirm = async (reason: string) => {
    setPending(true);
    try {
      await dialog.decide(reason);
      notify(dialog.done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : dialog.failed, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <span onClick={(event) => event.stopPropagation()}>
      <Button size={size} color={color} startIcon={icon} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ReasonDialog
        open={open}
        title={dialog.title}
        subject={`${record.endUser} of ${record.applicationName}: ${record.strikePoints} strike points, ${record.status}.`}
        consequence={dialog.consequence}
        severity="warning"
        confirmLabel={label}
        color={color}
        reasonRequired
        pending={pending}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setOpen(false)}
      />
    </span>
  );
};
