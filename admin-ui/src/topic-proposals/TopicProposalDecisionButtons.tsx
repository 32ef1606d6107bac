import Block from '@mui/icons-material/Block';
import Check from '@mui/icons-material/Check';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useRecordContext } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import { useStaffDecision } from '../common/useStaffDecision';
import type { WardenDataProvider } from '../dataProvider';
import type { TopicProposal } from '../types';

const DECISIONS = {
  approve: {
    title: 'Approve these topics',
    label: 'Approve',
    done: 'approved: the topic model is rebuilt',
    color: 'success',
    consequence: 'The proposed topics replace the current ones and the topic model is rebuilt at once.',
  },
  reject: {
    title: 'Reject this proposal',
    label: 'Reject',
    done: 'rejected',
    color: 'error',
    consequence: 'The application keeps its current topics; the developer sees your note.',
  },
} as const;
type TopicDecision = keyof typeof DECISIONS;

/** Approve or reject a pending topic proposal, with a note the developer and the audit log see. */
export const TopicProposalDecisionButtons = () => {
  const record = useRecordContext<TopicProposal>();
  const { canAccess, isPending: accessPending } = useCanAccess({
    resource: 'topic-proposals',
    action: 'decide',
  });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const [decision, setDecision] = useState<TopicDecision | null>(null);
  const { busy, decide } = useStaffDecision<TopicDecision>(
    (chosen, note) => dataProvider.decideTopicProposal(record!.id, chosen, note ?? ''),
    (chosen) => `Topic proposal ${DECISIONS[chosen].done}`,
  );
  if (!record || accessPending || record.status !== 'pending') return null;
  if (!canAccess) {
    return (
      <Typography variant="caption" color="text.secondary">
        Read-only: your role can view topic proposals but not decide them.
      </Typography>
    );
  }
  const confirm = async (note: string) => {
    if (decision && (await decide(decision, note))) setDecision(null);
  };
  const spec = decision ? DECISIONS[decision] : null;
  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          color="success"
          size="small"
          startIcon={<Check />}
          onClick={() => setDecision('approve')}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          color="error"
          size="small"
          startIcon={<Block />}
          onClick={() => setDecision('reject')}
        >
          Reject
        </Button>
      </Stack>
      <ReasonDialog
        open={spec !== null}
        title={spec?.title ?? ''}
        subject={record.applicationName}
        consequence={spec?.consequence}
        severity={decision === 'reject' ? 'warning' : 'info'}
        confirmLabel={spec?.label ?? ''}
        color={spec?.color}
        reasonRequired={false}
        reasonLabel="Note"
        helperText="Shown to the developer and recorded in the audit log."
        pending={busy}
        onConfirm={(note) => void confirm(note)}
        onClose={() => setDecision(null)}
      />
    </>
  );
};
