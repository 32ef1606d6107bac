import Send from '@mui/icons-material/Send';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { PortalDataProvider } from '../dataProvider';
import type { Application } from '../types';

export const SubmitButton = ({ application }: { application: Application }) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.submitApplication(application.id),
    onSuccess: () => {
      notify('Submitted for review', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  return (
    <>
      <Button
        variant="contained"
        startIcon={<Send />}
        onClick={() => setConfirming(true)}
        disabled={isPending}
      >
        Submit for review
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="Submit for review?"
        content="A reviewer will read your answers. You cannot change them while the application is under review; the reviewer may ask for changes."
        confirm="Submit"
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
