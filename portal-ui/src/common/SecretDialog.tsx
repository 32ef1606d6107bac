import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiKeyKind } from '../types';
import { CodeBlock } from './CodeBlock';
import { CopyButton } from './CopyButton';
import { DEFAULT_MODEL, firstModel, openAiSnippet, shellSnippet, webhookVerifySnippet } from './snippet';

/** An application's API key, a key under a research grant, or the secret that signs an application's webhooks. */
export type SecretKind = ApiKeyKind | 'research' | 'webhook';

export interface IssuedSecret {
  secret: string;
  kind: SecretKind;
}

interface SecretText {
  title: string;
  /** What the secret is called in the dialog's sentences. */
  noun: 'key' | 'secret';
  keeping: string;
  use: string;
}

const API_KEY_KEEPING =
  'Warden keeps only a fingerprint of it. Store it as a secret on your server; anyone who has it can call the API ' +
  'as your application. If it leaks, revoke it and create another.';

const TEXT: Record<SecretKind, SecretText> = {
  sandbox: {
    title: 'Your sandbox key',
    noun: 'key',
    keeping: API_KEY_KEEPING,
    use: 'A sandbox key works right away, at sandbox limits and stricter content filters, while your application is reviewed.',
  },
  production: {
    title: 'Your production key',
    noun: 'key',
    keeping: API_KEY_KEEPING,
    use: 'A production key calls the API at the limits your application was approved for.',
  },
  research: {
    title: 'Your research key',
    noun: 'key',
    keeping: API_KEY_KEEPING,
    use: 'A research key works until it expires, within your grant’s dates, quotas and research policy profile.',
  },
  webhook: {
    title: 'Your webhook signing secret',
    noun: 'secret',
    keeping:
      'Store it where your webhook endpoint can read it. Warden signs every delivery with it; the previous ' +
      'secret, if there was one, no longer signs anything. If it leaks, rotate it.',
    use: 'Check each delivery’s x-warden-signature header before trusting its body: t is when it was signed (refuse old ones), v1 the HMAC-SHA256 of "<t>.<body>" under this secret.',
  },
};

/** The official OpenAI client pointed at this Warden, naming the first model the new key may call. */
const ClientSnippets = ({ secret }: { secret: string }) => {
  const [model, setModel] = useState(DEFAULT_MODEL);
  useEffect(() => {
    void firstModel(secret).then(setModel);
  }, [secret]);
  return (
    <>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        Try it with the official OpenAI client
      </Typography>
      <Stack spacing={1.5}>
        <CodeBlock code={shellSnippet(secret)} label="Copy shell line" />
        <CodeBlock code={openAiSnippet(model)} label="Copy code" testId="client-snippet" />
      </Stack>
    </>
  );
};

const WebhookSnippet = () => (
  <>
    <Typography variant="subtitle2" sx={{ mb: 1 }}>
      Verify a delivery (Node.js)
    </Typography>
    <CodeBlock code={webhookVerifySnippet()} label="Copy code" testId="webhook-snippet" />
  </>
);

/**
 * A secret is shown exactly once, right after it is issued: Warden keeps only a hash of a key, and never shows a
 * webhook secret again. So only the explicit button closes the dialog, not a stray click beside it or Escape.
 */
export const SecretDialog = ({ issued, onClose }: { issued: IssuedSecret | null; onClose: () => void }) => {
  // The last secret's text stays while the dialog fades out.
  const text = TEXT[issued?.kind ?? 'sandbox'];
  return (
    <Dialog open={issued !== null} maxWidth="md" fullWidth aria-labelledby="secret-dialog-title">
      <DialogTitle id="secret-dialog-title">{text.title}</DialogTitle>
      {issued && (
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            <strong>Copy this {text.noun} now: it will not be shown again.</strong> {text.keeping}
          </Alert>
          <Box
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1,
              p: 1.5,
              bgcolor: 'action.hover',
              borderRadius: 1,
              mb: 1,
            }}
          >
            <Box
              component="code"
              data-testid="issued-secret"
              sx={{ flexGrow: 1, wordBreak: 'break-all', fontSize: 15 }}
            >
              {issued.secret}
            </Box>
            <CopyButton text={issued.secret} label={`Copy ${text.noun}`} />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {text.use}
          </Typography>
          {issued.kind === 'webhook' ? <WebhookSnippet /> : <ClientSnippets secret={issued.secret} />}
        </DialogContent>
      )}
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} variant="contained">
          I have stored the {text.noun}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
