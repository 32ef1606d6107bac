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
import { ReasonDialog } from '../common/ReasonDialog';
import type { WardenDataProvider } from '../dataProvider';
import type { HeldCompletion, HeldDecision } from '../types';
import { HELD_DECISIONS } from './heldDecisions';

/**
 * Releases or discards every selected held output with one reason. The server decides each on its own and refuses
 * the ones already decided, so the loop carries on past a refusal and reports which failed and why.
 */
export const BulkHeldDecisionButton = ({ decision }: { decision: HeldDecision }) => {
  const { selectedIds } = useListContext<HeldCompletion>();
  const { canAccess } = useCanAccess({ resource: 'held-completions', action: 'decide' });
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('held-completions');
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!canAccess) return null;
  const spec = HELD_DECISIONS[decision];
  const Icon = spec.icon;

  const confirm = async (reason: string) => {
    setPending(true);
    const failures: string[] = [];
    let succeeded = 0;
    for (const id of selectedIds) {
      try {
        await dataProvider.decideHeld(id, decision, reason);
        succeeded += 1;
      } catch (error) {
        failures.push(`${String(id)}: ${error instanceof Error ? error.message : 'failed'}`);
      }
    }
    setPending(false);
    setOpen(false);
    unselectAll();
    refresh();
    if (failures.length > 0) {
      notify(`${succeeded} ${spec.done}, ${failures.length} refused — ${failures.join('; ')}`, {
        type: 'warning',
        autoHideDuration: 10_000,
      });
    } else {
      notify(`${succeeded} held output(s) ${spec.done}`, { type: 'success' });
    }
  };

  return (
    <>
      <Button label={spec.label} onClick={() => setOpen(true)}>
        <Icon />
      </Button>
      <ReasonDialog
        open={open}
        title={`${spec.label} ${selectedIds.length} held output(s)`}
        subject="The same reason is recorded for each; outputs already decided are left unchanged."
        consequence={spec.consequence}
        severity={decision === 'discard' ? 'warning' : 'info'}
        confirmLabel={spec.label}
        color={spec.color}
        reasonRequired
        pending={pending}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
