import { Box, Button, Checkbox, Chip, FormControlLabel, Stack, Typography } from '@mui/material';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@warden/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, Webhook } from '../types';
import { WEBHOOK_EVENT_LABELS } from './webhookEvents';

const sameChoice = (a: WebhookEvent[] | null, b: WebhookEvent[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((event) => b.includes(event));

/**
 * Which events the webhook is sent: every event (including ones Warden adds later) or those ticked. Saving keeps the
 * URL and the signing secret.
 */
export const WebhookEventsForm = ({
  application,
  current,
  onSaved,
}: {
  application: Application;
  current: WebhookEvent[] | null;
  onSaved: (webhook: Webhook) => void;
}) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const notify = useNotify();
  const [chosen, setChosen] = useState<WebhookEvent[] | null>(current);
  useEffect(() => setChosen(current), [current]);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.setWebhookEvents(application.id, chosen),
    onSuccess: (webhook: Webhook) => {
      onSaved(webhook);
      notify('Webhook events saved', { type: 'success' });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  const every = chosen === null;
  const toggle = (event: WebhookEvent, on: boolean) => {
    const picked = (chosen ?? []).filter((other) => other !== event);
    setChosen(on ? WEBHOOK_EVENTS.filter((known) => known === event || picked.includes(known)) : picked);
  };
  return (
    <Box sx={{ mt: 2 }} data-testid="webhook-events">
      <Typography variant="caption" color="text.secondary">
        Events sent to the webhook
      </Typography>
      <FormControlLabel
        sx={{ display: 'flex' }}
        control={
          <Checkbox
            size="small"
            checked={every}
            onChange={(_, on) => setChosen(on ? null : [...WEBHOOK_EVENTS])}
          />
        }
        label="Every event, including ones added later"
      />
      <Stack spacing={0.25} sx={{ pl: 3 }}>
        {WEBHOOK_EVENTS.map((event) => (
          <FormControlLabel
            key={event}
            disabled={every}
            control={
              <Checkbox
                size="small"
                checked={every || chosen.includes(event)}
                onChange={(_, on) => toggle(event, on)}
                slotProps={{ input: { 'aria-label': event } }}
              />
            }
            label={
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip size="small" variant="outlined" label={event} sx={{ fontFamily: 'monospace' }} />
                <Typography variant="body2">{WEBHOOK_EVENT_LABELS[event]}</Typography>
              </Stack>
            }
          />
        ))}
      </Stack>
      <Button
        sx={{ mt: 1 }}
        size="small"
        variant="outlined"
        disabled={isPending || (chosen !== null && chosen.length === 0) || sameChoice(chosen, current)}
        onClick={() => mutate()}
      >
        Save events
      </Button>
    </Box>
  );
};
