import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField as MuiTextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { PortalDataProvider } from '../dataProvider';
import type { ResearchGrant } from '../types';
import { dayOf, endOfDay } from './grantDates';

/** Asks staff for a later end; the server's refusal (not later, one request at a time) is shown as it wrote it. */
export const RequestRenewalDialog = ({
  grant,
  open,
  onClose,
}: {
  grant: ResearchGrant;
  open: boolean;
  onClose: () => void;
}) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const { mutate, isPending, error, reset } = useMutation({
    mutationFn: () => dataProvider.requestRenewal(grant.id, { endsAt: endOfDay(day), reason: reason.trim() }),
    onSuccess: () => {
      notify('Renewal requested', { type: 'success' });
      onClose();
      refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="renewal-title"
      slotProps={{ transition: { onExited: reset } }}
    >
      <form onSubmit={submit}>
        <DialogTitle id="renewal-title">Request a renewal</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error.message}</Alert>}
            <MuiTextField
              type="date"
              name="renewalEndsAt"
              label="New end date (UTC)"
              required
              value={day}
              onChange={(event) => setDay(event.target.value)}
              helperText={grant.endsAt ? `Later than the current end, ${dayOf(grant.endsAt)}.` : undefined}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { min: grant.endsAt ? dayOf(grant.endsAt) : undefined },
              }}
            />
            <MuiTextField
              name="renewalReason"
              label="Why the study needs more time"
              required
              multiline
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              helperText="10 characters or more; staff read it when they decide."
              slotProps={{ htmlInput: { maxLength: 5000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isPending || !day || reason.trim().length < 10}>
            Request renewal
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
