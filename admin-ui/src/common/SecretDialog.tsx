import ContentCopy from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';

export interface IssuedSecret {
  /** What the secret belongs to, when several are shown together (a bulk approval). */
  label?: string;
  secret: string;
}

export interface SecretDialogProps {
  title: string;
  secrets: IssuedSecret[] | null;
  onClose: () => void;
}

const SecretLine = ({ secret }: { secret: string }) => {
  const [copied, setCopied] = useState(false);
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}
    >
      <Box component="code" data-testid="issued-secret" sx={{ flexGrow: 1, wordBreak: 'break-all' }}>
        {secret}
      </Box>
      <Tooltip title={copied ? 'Copied' : 'Copy'}>
        <IconButton
          aria-label="Copy secret"
          onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
        >
          <ContentCopy fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
};

/**
 * A key's secret is shown exactly once, right after it is issued; the server never returns it again. So only the
 * explicit button closes the dialog, not a stray click beside it or Escape.
 */
export const SecretDialog = ({ title, secrets, onClose }: SecretDialogProps) => (
  <Dialog open={secrets !== null && secrets.length > 0} maxWidth="sm" fullWidth>
    <DialogTitle>{title}</DialogTitle>
    <DialogContent>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {secrets && secrets.length > 1
          ? 'Copy these secrets now and hand each to its developer over a secure channel. They will not be shown again.'
          : 'Copy this secret now and hand it to the developer over a secure channel. It will not be shown again.'}
      </Alert>
      <Stack spacing={1.5}>
        {(secrets ?? []).map(({ label, secret }) => (
          <Box key={secret}>
            {label && (
              <Typography variant="body2" sx={{ mb: 0.5 }}>
                {label}
              </Typography>
            )}
            <SecretLine secret={secret} />
          </Box>
        ))}
      </Stack>
    </DialogContent>
    <DialogActions>
      <Button onClick={onClose} variant="contained">
        I have copied it
      </Button>
    </DialogActions>
  </Dialog>
);
