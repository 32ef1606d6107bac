import { ApiKeyStatus } from './api-key.entity';

export enum KeyAction {
  Rotate = 'rotate',
  Revoke = 'revoke',
  Suspend = 'suspend',
  Unsuspend = 'unsuspend',
  Terminate = 'terminate',
}

/**
 * Which stored statuses each action accepts, and the status it leaves the key in (rotation revokes the old key
 * and issues a new one). Expiry is not a stored status: an active key past `expiresAt` reads as expired.
 */
export const KEY_TRANSITIONS: Record<KeyAction, { from: readonly ApiKeyStatus[]; to: ApiKeyStatus }> = {
  [KeyAction.Rotate]: { from: [ApiKeyStatus.Active], to: ApiKeyStatus.Revoked },
  [KeyAction.Revoke]: { from: [ApiKeyStatus.Active, ApiKeyStatus.Suspended], to: ApiKeyStatus.Revoked },
  [KeyAction.Suspend]: { from: [ApiKeyStatus.Active], to: ApiKeyStatus.Suspended },
  [KeyAction.Unsuspend]: { from: [ApiKeyStatus.Suspended], to: ApiKeyStatus.Active },
  [KeyAction.Terminate]: {
    from: [ApiKeyStatus.Active, ApiKeyStatus.Suspended, ApiKeyStatus.Revoked],
    to: ApiKeyStatus.Terminated,
  },
};

export function keyTransition(status: ApiKeyStatus, action: KeyAction): ApiKeyStatus | null {
  const transition = KEY_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** What a key reads as: its stored status, or `expired` for an active key past its expiry date. */
export type EffectiveKeyStatus = ApiKeyStatus | 'expired';

export function effectiveKeyStatus(
  key: { status: ApiKeyStatus; expiresAt: Date | null },
  now: Date,
): EffectiveKeyStatus {
  if (
    key.status === ApiKeyStatus.Active &&
    key.expiresAt !== null &&
    key.expiresAt.getTime() <= now.getTime()
  ) {
    return 'expired';
  }
  return key.status;
}
