import { ApiKeyStatus, EffectiveKeyStatus } from '../contracts';

/** What a key reads as: its stored status, or `expired` for an active key past its expiry date. */
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
