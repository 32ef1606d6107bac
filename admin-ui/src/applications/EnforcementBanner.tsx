import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { useAllowedActions } from '../common/useAllowedActions';
import type { WardenDataProvider } from '../dataProvider';
import type { Application } from '../types';

/**
 * An application under enforcement: staff suspended or terminated one of its keys, so its developers cannot mint
 * new keys. Says why and since when; staff who manage keys lift it after reviewing the application.
 */
export const EnforcementBanner = () => {
  const record = useRecordContext<Application>();
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const allowed = useAllowedActions('api-keys', ['terminate']);
  const enforcement = record?.enforcement;
  if (!record || !enforcement) return null;
  const lift = async (reason: string) => {
    setPending(true);
    try {
      await dataProvider.liftEnforcement(record.id, reason);
      notify('Enforcement lifted: the developers can create keys again', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Could not lift the enforcement', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Alert
        severity="warning"
        data-testid="enforcement-banner"
        action={
          allowed.includes('terminate') ? (
            <Button color="inherit" size="small" onClick={() => setOpen(true)}>
              Lift enforcement
            </Button>
          ) : undefined
        }
      >
        <strong>Keys frozen pending review</strong> since {new Date(enforcement.since).toLocaleString()}.{' '}
        {enforcement.explanation}
        {enforcement.reason ? ` Reason given: “${enforcement.reason}”.` : ''}
      </Alert>
      <ReasonDialog
        open={open}
        title="Lift the enforcement"
        consequence="The developers of this application can create keys again. Keys already suspended or terminated stay so."
        confirmLabel="Lift enforcement"
        color="primary"
        reasonRequired
        reasonLabel="What the review found"
        pending={pending}
        onConfirm={(reason) => void lift(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
