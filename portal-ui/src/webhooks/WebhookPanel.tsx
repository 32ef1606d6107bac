import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { WEBHOOK_EVENTS } from '@warden/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import { Panel } from '../common/Panel';
import { SecretDialog, type IssuedSecret } from '../common/SecretDialog';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, Webhook } from '../types';
import { RotateSecretButton } from './RotateSecretButton';
import { WEBHOOK_EVENT_LABELS } from './webhookEvents';
import { WebhookUrlForm } from './WebhookUrlForm';

/** Every configured webhook receives every event; there is no per-event subscription to set. */
const WebhookEvents = () => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="caption" color="text.secondary">
      Events sent to the webhook
    </Typography>
    <Stack
      component="ul"
      spacing={0.5}
      sx={{ m: 0, mt: 0.5, p: 0, listStyle: 'none' }}
      data-testid="webhook-events"
    >
      {WEBHOOK_EVENTS.map((event) => (
        <Stack component="li" key={event} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip size="small" variant="outlined" label={event} sx={{ fontFamily: 'monospace' }} />
          <Typography variant="body2">{WEBHOOK_EVENT_LABELS[event]}</Typography>
        </Stack>
      ))}
    </Stack>
  </Box>
);

/**
 * Where Warden notifies the application of what happens to its end users and held outputs, signed with a secret
 * that is shown once: when the URL is set or changed, and when it is rotated.
 */
export const WebhookPanel = ({ application }: { application: Application }) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const queryClient = useQueryClient();
  const queryKey = ['applications', application.id, 'webhook'];
  const { data: webhook, error } = useQuery({
    queryKey,
    queryFn: () => dataProvider.webhook(application.id),
  });
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const current = webhook?.url ?? null;
  // The answer carries the secret, once: the dialog shows it; what the page keeps is the URL only.
  const showSecret = ({ url, secret }: Webhook) => {
    queryClient.setQueryData<Webhook>(queryKey, { url });
    setIssued({ secret: secret!, kind: 'webhook' });
  };
  return (
    <Panel
      testId="webhook"
      title="Webhook"
      subtitle="Signed notifications about your end users and held outputs, retried with backoff for about half an hour"
      action={current ? <RotateSecretButton application={application} onRotated={showSecret} /> : null}
    >
      {error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : (
        webhook && (
          <>
            <Typography variant="body2" sx={{ mb: 2 }} data-testid="webhook-status">
              {current ? (
                <>
                  Deliveries go to{' '}
                  <Box component="code" sx={{ wordBreak: 'break-all' }}>
                    {current}
                  </Box>
                </>
              ) : (
                'No webhook set: nothing is sent.'
              )}
            </Typography>
            <WebhookUrlForm application={application} current={current} onSaved={showSecret} />
            <WebhookEvents />
          </>
        )
      )}
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </Panel>
  );
};
