import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import type { DecisionInput } from '../dataProvider';
import type { Checklist, DecisionKind } from '../types';
import { CHECKLIST_ITEMS, DECISION_SPECS, RESEARCH_CHECKLIST_ITEMS } from './decisions';

export interface DecisionDialogProps {
  decision: DecisionKind | null;
  /** Shown under the title: which application(s) the decision applies to. */
  subject: string;
  /** Bulk decisions carry a rationale only. */
  bulk?: boolean;
  /** A research application: the research checklist instead of the product one. */
  research?: boolean;
  pending: boolean;
  onConfirm: (input: DecisionInput) => void;
  onClose: () => void;
}

const emptyChecklist = (items: ReadonlyArray<{ key: keyof Checklist }>): Checklist =>
  Object.fromEntries(items.map(({ key }) => [key, false]));

/** The rationale and checklist a reviewer records with every decision. */
export const DecisionDialog = ({ decision, ...props }: DecisionDialogProps) => (
  <Dialog open={decision !== null} onClose={props.onClose} maxWidth="sm" fullWidth>
    {decision && <DecisionForm key={decision} decision={decision} {...props} />}
  </Dialog>
);

const DecisionForm = ({
  decision,
  subject,
  bulk,
  research,
  pending,
  onConfirm,
  onClose,
}: Omit<DecisionDialogProps, 'decision'> & { decision: DecisionKind }) => {
  const spec = DECISION_SPECS[decision];
  const [rationale, setRationale] = useState('');
  const items = research ? RESEARCH_CHECKLIST_ITEMS : CHECKLIST_ITEMS;
  const [checklist, setChecklist] = useState<Checklist>(() => emptyChecklist(items));
  const [reReviewAt, setReReviewAt] = useState('');
  const showChecklist = spec.checklist && !bulk;
  const checklistComplete = Object.values(checklist).every(Boolean);
  const blocked =
    rationale.trim() === '' || (showChecklist && spec.requireFullChecklist === true && !checklistComplete);

  const submit = () => {
    if (blocked) return;
    onConfirm({
      decision,
      rationale: rationale.trim(),
      ...(showChecklist ? { checklist } : {}),
      ...(reReviewAt ? { reReviewAt: new Date(`${reReviewAt}T00:00:00`).toISOString() } : {}),
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <DialogTitle>{spec.title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{subject}</DialogContentText>
        <Stack spacing={2}>
          {showChecklist && (
            <FormGroup>
              <FormLabel component="legend" sx={{ mb: 0.5 }}>
                Review checklist
              </FormLabel>
              {items.map(({ key, label }) => (
                <FormControlLabel
                  key={key}
                  label={label}
                  control={
                    <Checkbox
                      name={key}
                      checked={checklist[key] === true}
                      onChange={(event) => setChecklist({ ...checklist, [key]: event.target.checked })}
                    />
                  }
                />
              ))}
            </FormGroup>
          )}
          {showChecklist && spec.requireFullChecklist && !checklistComplete && (
            <Alert severity="info">Every checklist item must hold to approve.</Alert>
          )}
          {decision === 'terminate' && (
            <Alert severity="error">
              Termination is final: every key of the application stops working at once and cannot be restored.
            </Alert>
          )}
          <TextField
            name="rationale"
            label="Rationale"
            helperText="Recorded in the decision history and the audit log; the developer sees it."
            required
            multiline
            minRows={3}
            autoFocus
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
          />
          {spec.reReview && !bulk && (
            <TextField
              name="reReviewAt"
              label="Re-review on"
              type="date"
              value={reReviewAt}
              onChange={(event) => setReReviewAt(event.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" color={spec.color} disabled={blocked || pending}>
          {spec.label}
        </Button>
      </DialogActions>
    </form>
  );
};
