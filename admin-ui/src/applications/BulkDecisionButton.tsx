import ThumbDown from '@mui/icons-material/ThumbDown';
import ThumbUp from '@mui/icons-material/ThumbUp';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useUnselectAll,
} from 'react-admin';
import type { WardenDataProvider } from '../dataProvider';
import type { Application } from '../types';
import { DecisionDialog } from './DecisionDialog';

/**
 * Approve or reject every selected application with one rationale. The server applies each decision on its
 * own and refuses the ones whose state does not allow it, so a mixed selection partly succeeds. Approvals issue
 * no key: each developer creates production keys in the portal.
 */
export const BulkDecisionButton = ({ decision }: { decision: 'approve' | 'reject' }) => {
  const { selectedIds, data } = useListContext<Application>();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'decide' });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('applications');
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!canAccess) return null;
  const nameOf = (id: string) => data?.find((application) => application.id === id)?.name ?? id;

  const confirm = async (rationale: string) => {
    setPending(true);
    try {
      const result = await dataProvider.bulkDecide({ ids: selectedIds, decision, rationale });
      // react-admin's data provider wrapper answers `{data: []}` instead of failing when a 401 signs the user out.
      if (!Array.isArray(result.succeeded)) return;
      const done =
        decision === 'approve'
          ? `${result.succeeded.length} approved: their developers create production keys in the portal`
          : `${result.succeeded.length} rejected`;
      if (result.failed.length > 0) {
        const refused = result.failed
          .map((failure) => `${nameOf(failure.id)}: ${failure.message}`)
          .join('; ');
        notify(`${done}, ${result.failed.length} refused — ${refused}`, {
          type: 'warning',
          autoHideDuration: 10_000,
        });
      } else {
        notify(done, { type: 'success' });
      }
      setOpen(false);
      unselectAll();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The decisions were not recorded', { type: 'error' });
    } finally {
      setPending(false);
      refresh();
    }
  };

  return (
    <>
      <Button label={decision === 'approve' ? 'Approve' : 'Reject'} onClick={() => setOpen(true)}>
        {decision === 'approve' ? <ThumbUp /> : <ThumbDown />}
      </Button>
      <DecisionDialog
        decision={open ? decision : null}
        subject={`${selectedIds.length} selected application(s). Only applications in review can be ${
          decision === 'approve' ? 'approved' : 'rejected'
        }; the others are left unchanged.`}
        bulk
        pending={pending}
        onConfirm={(input) => void confirm(input.rationale)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
