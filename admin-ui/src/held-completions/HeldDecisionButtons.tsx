import { useDataProvider } from 'react-admin';
import { PendingDecisionButtons } from '../common/PendingDecisionButtons';
import type { WardenDataProvider } from '../dataProvider';
import type { HeldCompletion, HeldDecision } from '../types';
import { HELD_DECISIONS } from './heldDecisions';

/** Release or discard one pending held output, each with a reason the developer and the audit log see. */
export const HeldDecisionButtons = () => {
  const dataProvider = useDataProvider<WardenDataProvider>();
  return (
    <PendingDecisionButtons<HeldCompletion, HeldDecision>
      resource="held-completions"
      decisions={HELD_DECISIONS}
      warnOn="discard"
      send={(record, decision, reason) => dataProvider.decideHeld(record.id, decision, reason)}
      noun="Held output"
      readOnlyText="Read-only: your role can view held outputs but not release or discard them."
      subject={(record) =>
        `${record.applicationName}${record.endUser ? ` · end user ${record.endUser}` : ''}`
      }
      reason={{
        required: true,
        helperText: 'Sent to the developer with the outcome and recorded in the audit log.',
      }}
    />
  );
};
