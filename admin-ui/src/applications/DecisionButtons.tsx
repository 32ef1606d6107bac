import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { DecisionInput, WardenDataProvider } from '../dataProvider';
import type { Application, DecisionKind } from '../types';
import { DecisionDialog } from './DecisionDialog';
import { availableDecisions, DECISION_SPECS } from './decisions';

/** The decisions the application's review state allows, each behind a rationale dialog. */
export const DecisionButtons = () => {
  const record = useRecordContext<Application>();
  const { canAccess, isPending: accessPending } = useCanAccess({
    resource: 'applications',
    action: 'decide',
  });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [decision, setDecision] = useState<DecisionKind | null>(null);
  const [pending, setPending] = useState(false);

  if (!record || accessPending) return null;
  const decisions = availableDecisions(record.reviewState, record.status);
  if (decisions.length === 0) return null;
  if (!canAccess) {
    return (
      <Typography variant="caption" color="text.secondary">
        Read-only: your role can view this application but not decide on it.
      </Typography>
    );
  }

  const confirm = async (input: DecisionInput) => {
    setPending(true);
    try {
      await dataProvider.decide(record.id, input);
      setDecision(null);
      const recorded = `${record.name}: ${DECISION_SPECS[input.decision].label.toLowerCase()} recorded`;
      // Approval issues no key: its secret is for the developer alone.
      const keys =
        record.kind === 'research'
          ? 'the researcher creates time-boxed keys in the portal'
          : 'the developer creates production keys in the portal';
      notify(input.decision === 'approve' ? `${recorded}; ${keys}` : recorded, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The decision was not recorded', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {decisions.map((kind) => (
          <Button
            key={kind}
            variant={kind === 'terminate' ? 'outlined' : 'contained'}
            color={DECISION_SPECS[kind].color}
            size="small"
            onClick={() => setDecision(kind)}
          >
            {DECISION_SPECS[kind].label}
          </Button>
        ))}
      </Stack>
      <DecisionDialog
        decision={decision}
        subject={`${record.name} — ${record.organizationName}`}
        research={record.kind === 'research'}
        pending={pending}
        onConfirm={(input) => void confirm(input)}
        onClose={() => setDecision(null)}
      />
    </>
  );
};
