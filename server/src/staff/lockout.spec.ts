import {
  AFTER_SUCCESSFUL_LOGIN,
  afterFailedLogin,
  isLocked,
  LOCKOUT_MS,
  LoginState,
  MAX_FAILED_ATTEMPTS,
} from './lockout';

describe('login lock-out', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('locks on the fifth consecutive failure, for fifteen minutes', () => {
    let state: LoginState = AFTER_SUCCESSFUL_LOGIN;
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      const next = afterFailedLogin(state, now);
      expect(next.lockedNow).toBe(false);
      expect(isLocked(next, now)).toBe(false);
      state = next;
    }
    const locked = afterFailedLogin(state, now);
    expect(locked.lockedNow).toBe(true);
    expect(locked.lockedUntil!.getTime() - now.getTime()).toBe(LOCKOUT_MS);
    expect(isLocked(locked, new Date(now.getTime() + LOCKOUT_MS - 1))).toBe(true);
    expect(isLocked(locked, new Date(now.getTime() + LOCKOUT_MS))).toBe(false);
  });

  it('starts counting again after a lock-out expires', () => {
    const locked = afterFailedLogin({ failedAttempts: MAX_FAILED_ATTEMPTS - 1, lockedUntil: null }, now);
    expect(locked.failedAttempts).toBe(0);
    const later = new Date(now.getTime() + LOCKOUT_MS + 1);
    expect(afterFailedLogin(locked, later).lockedNow).toBe(false);
  });
});
