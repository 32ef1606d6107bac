import { Button, Stack, TextField as MuiTextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import type { PortalDataProvider } from '../dataProvider';
import type { Application, Webhook } from '../types';

/**
 * Sets or changes where notifications go. The server checks the URL (http or https, no credentials, a public
 * address) and its refusal is shown under the field as it wrote it; saving issues a new signing secret.
 */
export const WebhookUrlForm = ({
  application,
  current,
  onSaved,
}: {
  application: Application;
  current: string | null;
  onSaved: (webhook: Webhook) => void;
}) => {
  const dataProvider = useDataProvider<PortalDataProvider>();
  const [url, setUrl] = useState(current ?? '');
  useEffect(() => setUrl(current ?? ''), [current]);
  const { mutate, isPending, error, reset } = useMutation({
    mutationFn: () => dataProvider.setWebhook(application.id, url.trim()),
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) mutate();
  };
  const unchanged = url.trim() === (current ?? '');
  return (
    <Stack component="form" direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} onSubmit={submit}>
      <MuiTextField
        fullWidth
        size="small"
        name="webhookUrl"
        label="Webhook URL"
        placeholder="https://example.com/hooks/warden"
        value={url}
        onChange={(event) => {
          setUrl(event.target.value);
          reset();
        }}
        error={error !== null}
        helperText={
          error?.message ??
          (current
            ? 'Changing the URL issues a new signing secret; the old one stops signing at once.'
            : 'Saving issues the signing secret, shown once.')
        }
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      <Button
        type="submit"
        variant="outlined"
        disabled={isPending || !url.trim() || unchanged}
        sx={{ flexShrink: 0 }}
      >
        {current ? 'Change URL' : 'Set webhook'}
      </Button>
    </Stack>
  );
};
