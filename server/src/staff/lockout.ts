/** Password lock-out, shared by staff and developer accounts: five failures in a row lock the account 15 minutes. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface LoginState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password; reaching the limit locks the account and starts a fresh count. */
export function afterFailedLogin(state: LoginState, now: Date): LoginState & { lockedNow: boolean } {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS), lockedNow: true };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil, lockedNow: false };
}

export const AFTER_SUCCESSFUL_LOGIN: LoginState = { failedAttempts: 0, lockedUntil: null };
