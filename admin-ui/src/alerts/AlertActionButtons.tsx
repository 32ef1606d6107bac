import ManageSearch from '@mui/icons-material/ManageSearch';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { Link, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useAllowedActions } from '../common/useAllowedActions';
import { ReasonDialog } from '../common/ReasonDialog';
import type { WardenDataProvider } from '../dataProvider';
import type { Alert, AlertStatus } from '../types';
import { alertLogsPath } from './alertLinks';

type AlertAction = 'acknowledge' | 'resolve';

/** The transitions the server allows: open → acknowledged → resolved, or open → resolved. */
const AVAILABLE: Record<AlertStatus, AlertAction[]> = {
  open: ['acknowledge', 'resolve'],
  acknowledged: ['resolve'],
  resolved: [],
};

/** Acknowledge or resolve (with an optional resolution), and the way to the calls behind the alert. */
export const AlertActionButtons = ({ size = 'small' }: { size?: 'small' | 'medium' }) => {
  const alert = useRecordContext<Alert>();
  const allowed = useAllowedActions('alerts', alert ? AVAILABLE[alert.status] : []);
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [resolving, setResolving] = useState(false);
  const [pending, setPending] = useState(false);
  if (!alert) return null;

  const run = async (action: AlertAction, resolution = '') => {
    setPending(true);
    try {
      if (action === 'acknowledge') await dataProvider.acknowledgeAlert(alert.id);
      else await dataProvider.resolveAlert(alert.id, resolution);
      notify(action === 'acknowledge' ? 'Alert acknowledged' : 'Alert resolved', { type: 'success' });
      setResolving(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The alert was not changed', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    // Row clicks open the alert; clicks on its buttons must not.
    <Stack
      direction="row"
      spacing={0.5}
      sx={{ alignItems: 'center' }}
      onClick={(event) => event.stopPropagation()}
    >
      <Button size={size} component={Link} to={alertLogsPath(alert)} startIcon={<ManageSearch />}>
        Logs
      </Button>
      {allowed.includes('acknowledge') && (
        <Button size={size} color="warning" disabled={pending} onClick={() => void run('acknowledge')}>
          Acknowledge
        </Button>
      )}
      {allowed.includes('resolve') && (
        <Button size={size} color="success" disabled={pending} onClick={() => setResolving(true)}>
          Resolve
        </Button>
      )}
      <ReasonDialog
        open={resolving}
        title="Resolve the alert"
        subject={alert.title}
        confirmLabel="Resolve"
        color="success"
        reasonRequired={false}
        reasonLabel="Resolution"
        helperText="What it was and what was done; kept with the alert and in the audit log."
        pending={pending}
        onConfirm={(resolution) => void run('resolve', resolution)}
        onClose={() => setResolving(false)}
      />
    </Stack>
  );
};
