import Gavel from '@mui/icons-material/Gavel';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useCreate, useNotify, useRecordContext, useRedirect } from 'react-admin';
import type { Calibration, PolicyProposal } from '../types';

/** Creates a policy proposal holding the thresholds this calibration chose. */
export const ProposeButton = () => {
  const record = useRecordContext<Calibration>();
  const { canAccess } = useCanAccess({ resource: 'calibrations', action: 'propose' });
  const [create] = useCreate<PolicyProposal>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [pending, setPending] = useState(false);
  if (!record || !canAccess) return null;
  const chosen = record.rows.some((row) => row.chosen);
  const propose = async () => {
    setPending(true);
    try {
      const proposal = await create(
        'policy-proposals',
        { data: { calibrationId: record.id } },
        { returnPromise: true },
      );
      notify('Policy proposal created: replay it before applying', { type: 'success' });
      if (proposal) redirect('show', 'policy-proposals', proposal.id);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The proposal was not created', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      variant="contained"
      startIcon={<Gavel />}
      disabled={!chosen || pending || !record.applicationId}
      title={record.applicationId ? undefined : 'Calibrate for one application to propose its policy'}
      onClick={() => void propose()}
    >
      Propose
    </Button>
  );
};
