import Autorenew from '@mui/icons-material/Autorenew';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, Webhook } from '../types';

/** A new signing secret for the same URL; deliveries signed with the old one fail the endpoint's check at once. */
export const RotateSecretButton = ({
  application,
  onRotated,
}: {
  application: Application;
  onRotated: (webhook: Webhook) => void;
}) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.rotateWebhookSecret(application.id),
    onSuccess: onRotated,
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<Autorenew />}
        onClick={() => setConfirming(true)}
        sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
      >
        Rotate secret
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="Rotate the signing secret?"
        content="Warden signs deliveries with the new secret from now on; your endpoint refuses them until it has the new one."
        confirm="Rotate"
        confirmColor="warning"
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
