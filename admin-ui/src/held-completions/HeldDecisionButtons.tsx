import Block from '@mui/icons-material/Block';
import Send from '@mui/icons-material/Send';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useRecordContext } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { useStaffDecision } from '../common/useStaffDecision';
import type { WardenDataProvider } from '../dataProvider';
import type { HeldCompletion, HeldDecision } from '../types';
import { HELD_DECISIONS } from './heldDecisions';

/** Release or discard one pending held output, each with a reason the developer and the audit log see. */
export const HeldDecisionButtons = () => {
  const record = useRecordContext<HeldCompletion>();
  const { canAccess, isPending: accessPending } = useCanAccess({
    resource: 'held-completions',
    action: 'decide',
  });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const [decision, setDecision] = useState<HeldDecision | null>(null);
  const { busy, decide } = useStaffDecision<HeldDecision>(
    (chosen, reason) => dataProvider.decideHeld(record!.id, chosen, reason ?? ''),
    (chosen) => `Held output ${HELD_DECISIONS[chosen].done}`,
  );
  if (!record || accessPending || record.status !== 'pending') return null;
  if (!canAccess) {
    return (
      <Typography variant="caption" color="text.secondary">
        Read-only: your role can view held outputs but not release or discard them.
      </Typography>
    );
  }

  const confirm = async (reason: string) => {
    if (decision && (await decide(decision, reason))) setDecision(null);
  };

  const spec = decision ? HELD_DECISIONS[decision] : null;
  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          color="success"
          size="small"
          startIcon={<Send />}
          onClick={() => setDecision('release')}
        >
          Release
        </Button>
        <Button
          variant="outlined"
          color="error"
          size="small"
          startIcon={<Block />}
          onClick={() => setDecision('discard')}
        >
          Discard
        </Button>
      </Stack>
      <ReasonDialog
        open={spec !== null}
        title={spec?.title ?? ''}
        subject={`${record.applicationName}${record.endUser ? ` · end user ${record.endUser}` : ''}`}
        consequence={spec?.consequence}
        severity={decision === 'discard' ? 'warning' : 'info'}
        confirmLabel={spec?.label ?? ''}
        color={spec?.color}
        reasonRequired
        helperText="Sent to the developer with the outcome and recorded in the audit log."
        pending={busy}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setDecision(null)}
      />
    </>
  );
};
