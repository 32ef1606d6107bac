import { ApiKeyStatus } from './api-key.entity';
import { effectiveKeyStatus } from './key-lifecycle';
import { KeyAction, keyTransition } from '../contracts';

describe('key lifecycle', () => {
  it('suspends and unsuspends only between active and suspended', () => {
    expect(keyTransition(ApiKeyStatus.Active, KeyAction.Suspend)).toBe(ApiKeyStatus.Suspended);
    expect(keyTransition(ApiKeyStatus.Suspended, KeyAction.Unsuspend)).toBe(ApiKeyStatus.Active);
    expect(keyTransition(ApiKeyStatus.Revoked, KeyAction.Unsuspend)).toBeNull();
    expect(keyTransition(ApiKeyStatus.Suspended, KeyAction.Suspend)).toBeNull();
  });

  it('never brings a terminated key back', () => {
    for (const action of Object.values(KeyAction)) {
      expect(keyTransition(ApiKeyStatus.Terminated, action)).toBeNull();
    }
  });

  it('rotates only active keys, and revocation is not undone', () => {
    expect(keyTransition(ApiKeyStatus.Active, KeyAction.Rotate)).toBe(ApiKeyStatus.Revoked);
    expect(keyTransition(ApiKeyStatus.Suspended, KeyAction.Rotate)).toBeNull();
    expect(keyTransition(ApiKeyStatus.Revoked, KeyAction.Unsuspend)).toBeNull();
    expect(keyTransition(ApiKeyStatus.Revoked, KeyAction.Terminate)).toBe(ApiKeyStatus.Terminated);
  });

  it('reads an active key past its expiry date as expired', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(
      effectiveKeyStatus({ status: ApiKeyStatus.Active, expiresAt: new Date('2025-12-31T23:59:59Z') }, now),
    ).toBe('expired');
    expect(
      effectiveKeyStatus({ status: ApiKeyStatus.Active, expiresAt: new Date('2026-01-01T00:00:01Z') }, now),
    ).toBe('active');
    expect(
      effectiveKeyStatus(
        { status: ApiKeyStatus.Suspended, expiresAt: new Date('2025-01-01T00:00:00Z') },
        now,
      ),
    ).toBe('suspended');
  });
});
