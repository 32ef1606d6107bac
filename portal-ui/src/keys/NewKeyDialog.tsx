import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';

export interface NewKeyDialogProps {
  open: boolean;
  title: string;
  pending: boolean;
  onClose: () => void;
  onCreate: (name: string) => void;
  /** Fields a kind of key needs beyond its name (a research key's expiry). */
  children?: ReactNode;
}

/** Names a new key; the caller issues it and shows the secret. The name is cleared once the dialog has closed. */
export const NewKeyDialog = ({ open, title, pending, onClose, onCreate, children }: NewKeyDialogProps) => {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onCreate(name.trim());
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="xs"
      fullWidth
      slotProps={{ transition: { onExited: () => setName('') } }}
    >
      <form onSubmit={submit}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Name it after where it will be used, so you know which one to revoke if it leaks.
          </Typography>
          <MuiTextField
            autoFocus
            fullWidth
            required
            name="keyName"
            label="Key name"
            placeholder="e.g. production web server"
            value={name}
            onChange={(event) => setName(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={pending || !name.trim()}>
            Create key
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
