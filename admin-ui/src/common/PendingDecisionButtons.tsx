import { Button, Stack, Typography } from '@mui/material';
import { type ElementType, useState } from 'react';
import { useCanAccess, useRecordContext } from 'react-admin';
import { ReasonDialog } from './ReasonDialog';
import { useStaffDecision } from './useStaffDecision';

/** One of a record's decisions: its button, and the dialog that asks for the reason before it is sent. */
export interface DecisionSpec {
  label: string;
  title: string;
  consequence: string;
  color: 'success' | 'error';
  /** The outcome in the notification, after the record's noun ("released"). */
  done: string;
  icon: ElementType;
}

interface PendingRecord {
  id: string;
  status: string;
}

interface PendingDecisionButtonsProps<R extends PendingRecord, D extends string> {
  /** The resource whose `decide` action the staff role must hold. */
  resource: string;
  /** The decisions in button order: the first is the primary (contained) one. */
  decisions: Record<D, DecisionSpec>;
  /** The decision whose dialog warns (the one the developer cannot undo). */
  warnOn: D;
  send: (record: R, decision: D, reason: string) => Promise<unknown>;
  /** How the notification names the record ("Held output"). */
  noun: string;
  /** Shown instead of the buttons to a role that may view the record but not decide it. */
  readOnlyText: string;
  subject: (record: R) => string;
  reason: { required: boolean; label?: string; helperText: string };
}

/**
 * The decisions staff take on a pending record (release or discard a held output, approve or reject a topic
 * proposal): shown only while the record is pending and to roles that may decide it, each confirmed in a dialog with
 * the reason the developer and the audit log see.
 */
export const PendingDecisionButtons = <R extends PendingRecord, D extends string>({
  resource,
  decisions,
  warnOn,
  send,
  noun,
  readOnlyText,
  subject,
  reason,
}: PendingDecisionButtonsProps<R, D>) => {
  const record = useRecordContext<R>();
  const { canAccess, isPending: accessPending } = useCanAccess({ resource, action: 'decide' });
  const [decision, setDecision] = useState<D | null>(null);
  const { busy, decide } = useStaffDecision<D>(
    (chosen, note) => send(record!, chosen, note ?? ''),
    (chosen) => `${noun} ${decisions[chosen].done}`,
  );
  if (!record || accessPending || record.status !== 'pending') return null;
  if (!canAccess) {
    return (
      <Typography variant="caption" color="text.secondary">
        {readOnlyText}
      </Typography>
    );
  }
  const confirm = async (note: string) => {
    if (decision && (await decide(decision, note))) setDecision(null);
  };
  const spec = decision ? decisions[decision] : null;
  return (
    <>
      <Stack direction="row" spacing={1}>
        {(Object.entries(decisions) as Array<[D, DecisionSpec]>).map(
          ([key, { label, color, icon: Icon }], index) => (
            <Button
              key={key}
              variant={index === 0 ? 'contained' : 'outlined'}
              color={color}
              size="small"
              startIcon={<Icon />}
              onClick={() => setDecision(key)}
            >
              {label}
            </Button>
          ),
        )}
      </Stack>
      <ReasonDialog
        open={spec !== null}
        title={spec?.title ?? ''}
        subject={subject(record)}
        consequence={spec?.consequence}
        severity={decision === warnOn ? 'warning' : 'info'}
        confirmLabel={spec?.label ?? ''}
        color={spec?.color}
        reasonRequired={reason.required}
        reasonLabel={reason.label}
        helperText={reason.helperText}
        pending={busy}
        onConfirm={(note) => void confirm(note)}
        onClose={() => setDecision(null)}
      />
    </>
  );
};
