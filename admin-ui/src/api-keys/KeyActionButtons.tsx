import MoreVert from '@mui/icons-material/MoreVert';
import {
  Alert,
  Button,
  IconButton,
  Menu,
  MenuItem,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import {
  KEY_ENFORCEMENT_REASON_LABELS,
  KEY_ENFORCEMENT_REASONS,
  KeyEnforcementReason,
} from '@warden/contracts';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useShowSecrets } from '../common/SecretProvider';
import { useAllowedActions } from '../common/useAllowedActions';
import type { WardenDataProvider } from '../dataProvider';
import type { ApiKey, KeyAction } from '../types';
import { availableKeyActions, KEY_ACTIONS } from './keyActions';

const MENU_ACTIONS: KeyAction[] = ['rotate', 'revoke'];

const KeyActionDialog = ({
  action,
  apiKey,
  pending,
  onConfirm,
  onClose,
}: {
  action: KeyAction;
  apiKey: ApiKey;
  pending: boolean;
  onConfirm: (reason: string, category?: KeyEnforcementReason) => void;
  onClose: () => void;
}) => {
  const spec = KEY_ACTIONS[action];
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<KeyEnforcementReason>(KeyEnforcementReason.PolicyViolation);
  const blocked = spec.reasonRequired && reason.trim() === '';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!blocked) onConfirm(reason.trim(), spec.categorized ? category : undefined);
      }}
    >
      <DialogTitle>{spec.title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {apiKey.name} (<code>{apiKey.prefix}</code>) of {apiKey.applicationName}
        </DialogContentText>
        <Alert severity={action === 'terminate' ? 'error' : 'warning'} sx={{ mb: 2 }}>
          {spec.consequence}
        </Alert>
        {spec.categorized && (
          <TextField
            select
            name="category"
            label="Reason category"
            helperText={`The developer's refused calls will name ${KEY_ENFORCEMENT_REASON_LABELS[category]}.`}
            fullWidth
            sx={{ mb: 2 }}
            value={category}
            onChange={(event) => setCategory(event.target.value as KeyEnforcementReason)}
            slotProps={{ select: { native: true } }}
          >
            {KEY_ENFORCEMENT_REASONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {capitalize(KEY_ENFORCEMENT_REASON_LABELS[candidate])}
              </option>
            ))}
          </TextField>
        )}
        <TextField
          name="reason"
          label="Reason"
          helperText="Recorded with the key and in the audit log."
          required={spec.reasonRequired}
          fullWidth
          multiline
          minRows={2}
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" color={spec.color} disabled={blocked || pending}>
          {spec.label}
        </Button>
      </DialogActions>
    </form>
  );
};

/** "a usage-policy violation" → "Usage-policy violation": the labels are written to follow "after". */
function capitalize(label: string): string {
  const bare = label.replace(/^(a|an) /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/**
 * Buttons for what the key's status allows and the signed-in role may do. Each asks for confirmation and a
 * reason; a rotation shows the new secret once.
 */
export const KeyActionButtons = ({
  size = 'small',
  compact = false,
}: {
  size?: 'small' | 'medium';
  compact?: boolean;
}) => {
  const apiKey = useRecordContext<ApiKey>();
  const candidates = apiKey ? availableKeyActions(apiKey.status) : [];
  const allowed = useAllowedActions('api-keys', candidates);
  const dataProvider = useDataProvider<WardenDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [action, setAction] = useState<KeyAction | null>(null);
  const [pending, setPending] = useState(false);
  const showSecrets = useShowSecrets();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  if (!apiKey || allowed.length === 0) return null;
  // In a table row only the urgent operations get a button; the others sit behind a menu.
  const inline = compact ? allowed.filter((candidate) => !MENU_ACTIONS.includes(candidate)) : allowed;
  const inMenu = compact ? allowed.filter((candidate) => MENU_ACTIONS.includes(candidate)) : [];

  const confirm = async (reason: string, category?: KeyEnforcementReason) => {
    if (!action) return;
    setPending(true);
    try {
      const result = await dataProvider.keyAction(apiKey.id, action, reason, category);
      notify(`${apiKey.name}: ${KEY_ACTIONS[action].label.toLowerCase()} done`, { type: 'success' });
      setAction(null);
      if (result.secret)
        showSecrets('Key rotated', [{ label: `New secret for ${result.name}`, secret: result.secret }]);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The key was not changed', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    // Row clicks open the key; clicks on its buttons must not.
    <Stack
      direction="row"
      spacing={0.5}
      sx={{ alignItems: 'center' }}
      onClick={(event) => event.stopPropagation()}
    >
      {inline.map((candidate) => (
        <Button
          key={candidate}
          size={size}
          color={KEY_ACTIONS[candidate].color}
          variant={candidate === 'terminate' ? 'outlined' : 'text'}
          onClick={() => setAction(candidate)}
        >
          {KEY_ACTIONS[candidate].label}
        </Button>
      ))}
      {inMenu.length > 0 && (
        <>
          <IconButton
            size="small"
            aria-label="More key actions"
            onClick={(event) => setMenuAnchor(event.currentTarget)}
          >
            <MoreVert fontSize="small" />
          </IconButton>
          <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
            {inMenu.map((candidate) => (
              <MenuItem
                key={candidate}
                onClick={() => {
                  setMenuAnchor(null);
                  setAction(candidate);
                }}
              >
                {KEY_ACTIONS[candidate].label}…
              </MenuItem>
            ))}
          </Menu>
        </>
      )}
      <Dialog open={action !== null} onClose={() => setAction(null)} maxWidth="sm" fullWidth>
        {action && (
          <KeyActionDialog
            key={action}
            action={action}
            apiKey={apiKey}
            pending={pending}
            onConfirm={(reason, category) => void confirm(reason, category)}
            onClose={() => setAction(null)}
          />
        )}
      </Dialog>
    </Stack>
  );
};
