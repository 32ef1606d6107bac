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
import { DEFAULT_MODEL, firstModel, openAiSnippet, shellSnippet } from './snippet';

export interface IssuedSecret {
  secret: string;
  kind: ApiKeyKind;
}

const LIMITS: Record<ApiKeyKind, string> = {
  sandbox:
    'A sandbox key works right away, at sandbox limits and stricter content filters, while your application is reviewed.',
  production: 'A production key calls the API at the limits your application was approved for.',
};

/**
 * A key's secret is shown exactly once, right after it is issued: Warden keeps only a hash of it. So only the
 * explicit button closes the dialog, not a stray click beside it or Escape.
 */
export const SecretDialog = ({ issued, onClose }: { issued: IssuedSecret | null; onClose: () => void }) => {
  const [model, setModel] = useState(DEFAULT_MODEL);
  useEffect(() => {
    if (issued) void firstModel(issued.secret).then(setModel);
  }, [issued]);
  return (
    <Dialog open={issued !== null} maxWidth="md" fullWidth aria-labelledby="secret-dialog-title">
      <DialogTitle id="secret-dialog-title">
        {issued?.kind === 'production' ? 'Your production key' : 'Your sandbox key'}
      </DialogTitle>
      {issued && (
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            <strong>Copy this key now: it will not be shown again.</strong> Warden keeps only a fingerprint of
            it. Store it as a secret on your server; anyone who has it can call the API as your application.
            If it leaks, revoke it on the application page and create another.
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
            <CopyButton text={issued.secret} label="Copy key" />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {LIMITS[issued.kind]}
          </Typography>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            Try it with the official OpenAI client
          </Typography>
          <Stack spacing={1.5}>
            <CodeBlock code={shellSnippet(issued.secret)} label="Copy shell line" />
            <CodeBlock code={openAiSnippet(model)} label="Copy code" testId="client-snippet" />
          </Stack>
        </DialogContent>
      )}
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} variant="contained">
          I have stored the key
        </Button>
      </DialogActions>
    </Dialog>
  );
};
