import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState, type ReactNode } from 'react';

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** Which record(s) the action applies to. */
  subject?: ReactNode;
  /** What will happen, read before confirming. */
  consequence?: ReactNode;
  severity?: 'info' | 'warning' | 'error';
  confirmLabel: string;
  color?: 'primary' | 'success' | 'warning' | 'error';
  reasonRequired: boolean;
  reasonLabel?: string;
  helperText?: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Confirmation with a recorded reason, for the monitoring actions (release, discard, block, unblock, resolve). */
export const ReasonDialog = ({ open, ...props }: ReasonDialogProps) => (
  <Dialog open={open} onClose={props.pending ? undefined : props.onClose} maxWidth="sm" fullWidth>
    {open && <ReasonForm {...props} />}
  </Dialog>
);

const ReasonForm = ({
  title,
  subject,
  consequence,
  severity = 'info',
  confirmLabel,
  color = 'primary',
  reasonRequired,
  reasonLabel = 'Reason',
  helperText = 'Recorded in the audit log.',
  pending,
  onConfirm,
  onClose,
}: Omit<ReasonDialogProps, 'open'>) => {
  const [reason, setReason] = useState('');
  const blocked = reasonRequired && reason.trim() === '';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!blocked) onConfirm(reason.trim());
      }}
    >
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {subject && <DialogContentText sx={{ mb: 2 }}>{subject}</DialogContentText>}
        {consequence && (
          <Alert severity={severity} sx={{ mb: 2 }}>
            {consequence}
          </Alert>
        )}
        <TextField
          name="reason"
          label={reasonLabel}
          helperText={helperText}
          required={reasonRequired}
          fullWidth
          multiline
          minRows={2}
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" color={color} disabled={blocked || pending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </form>
  );
};
