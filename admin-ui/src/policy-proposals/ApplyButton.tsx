import Check from '@mui/icons-material/Check';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { WardenDataProvider } from '../dataProvider';
import type { PolicyProposal } from '../types';

/** Admins put a proposal in force once a replay has completed; the server refuses otherwise (409). */
export const ApplyButton = () => {
  const proposal = useRecordContext<PolicyProposal>();
  const { canAccess } = useCanAccess({ resource: 'policy-proposals', action: 'apply' });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!proposal || !canAccess || proposal.status !== 'draft') return null;
  const replayed = proposal.latestReplay?.status === 'completed';
  const apply = async () => {
    setPending(true);
    try {
      await dataProvider.applyProposal(proposal.id);
      notify(`Applied to the policy of ${proposal.applicationName}`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The proposal was not applied', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button
        variant="contained"
        color="warning"
        startIcon={<Check />}
        disabled={!replayed}
        title={replayed ? undefined : 'Replay the proposal first'}
        onClick={() => setOpen(true)}
      >
        Apply
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={`Apply this proposal to ${proposal.applicationName}?`}
        content="The policy changes on every api instance at once, for the next call."
        confirm="Apply"
        onConfirm={() => void apply()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
