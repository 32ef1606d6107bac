import { Alert, Box, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import { Panel } from '../common/Panel';
import { SecretDialog, type IssuedSecret } from '../common/SecretDialog';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, Webhook } from '../types';
import { RotateSecretButton } from './RotateSecretButton';
import { WebhookEventsForm } from './WebhookEventsForm';
import { WebhookUrlForm } from './WebhookUrlForm';

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
  const showSecret = ({ url, events, secret }: Webhook) => {
    queryClient.setQueryData<Webhook>(queryKey, { url, events });
    setIssued({ secret: secret!, kind: 'webhook' });
  };
  const keep = (saved: Webhook) => queryClient.setQueryData<Webhook>(queryKey, saved);
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
            <WebhookEventsForm application={application} current={webhook.events} onSaved={keep} />
          </>
        )
      )}
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </Panel>
  );
};
