import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { API_URL, httpClient } from '../session';
import { useAllowedActions } from '../common/useAllowedActions';
import type { ResearchGrant } from './types';

type RenewalDecision = 'approve' | 'deny';

/** Approve (to the end date the researcher asked for) or deny a pending renewal; the rationale is audited. */
export const RenewalButtons = () => {
  const record = useRecordContext<ResearchGrant>();
  const allowed = useAllowedActions('research-grants', ['renew'] as const);
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<RenewalDecision | null>(null);
  const [pending, setPending] = useState(false);
  if (!record || record.renewal.state !== 'requested' || allowed.length === 0) {
    return null;
  }
  const confirm = async (rationale: string) => {
    setPending(true);
    try {
      await httpClient(`${API_URL}/research-grants/${encodeURIComponent(record.id)}/renewal`, {
        method: 'POST',
        body: JSON.stringify({ decision: open, rationale }),
      });
      notify(open === 'approve' ? 'Renewal approved' : 'Renewal denied', { type: 'success' });
      setOpen(null);
      refresh();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The decision failed', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  const requested = record.renewal.requestedEndsAt
    ? new Date(record.renewal.requestedEndsAt).toLocaleDateString()
    : '';
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="contained" color="success" onClick={() => setOpen('approve')}>
        Approve renewal
      </Button>
      <Button variant="outlined" color="error" onClick={() => setOpen('deny')}>
        Deny renewal
      </Button>
      <ReasonDialog
        open={open !== null}
        title={open === 'approve' ? 'Approve the renewal' : 'Deny the renewal'}
        subject={record.name}
        consequence={
          open === 'approve'
            ? `The grant will end on ${requested}; researchers can then issue keys up to that date.`
            : 'The grant keeps its current end date.'
        }
        confirmLabel={open === 'approve' ? 'Approve' : 'Deny'}
        color={open === 'approve' ? 'success' : 'error'}
        reasonRequired
        reasonLabel="Rationale"
        pending={pending}
        onConfirm={(rationale) => void confirm(rationale)}
        onClose={() => setOpen(null)}
      />
    </Stack>
  );
};
