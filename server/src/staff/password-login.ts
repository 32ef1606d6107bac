import argon2 from 'argon2';
import { EntityManager } from 'typeorm';
import { AFTER_SUCCESSFUL_LOGIN, afterFailedLogin, isLocked, LoginState } from './lockout';

export interface PasswordAccount extends LoginState {
  id: string;
  passwordHash: string;
}

/** What a login needs from an accounts table (staff or developers). */
export interface PasswordAccounts<T extends PasswordAccount> {
  findByEmailForUpdate(manager: EntityManager, email: string): Promise<T | null>;
  saveLoginState(manager: EntityManager, id: string, state: LoginState): Promise<void>;
}

export type LoginOutcome<T> =
  | { kind: 'ok'; account: T }
  | { kind: 'invalid' }
  | { kind: 'locked'; account: T; until: Date; lockedNow: boolean };

let timingDecoy: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/**
 * Checks a password inside the caller's transaction with the account row locked, so concurrent guesses are
 * counted one by one. Unknown addresses cost the same argon2 verification as known ones.
 */
export async function attemptPasswordLogin<T extends PasswordAccount>(
  manager: EntityManager,
  accounts: PasswordAccounts<T>,
  email: string,
  password: string,
  now: Date,
): Promise<LoginOutcome<T>> {
  const account = await accounts.findByEmailForUpdate(manager, email);
  if (!account) {
    timingDecoy ??= hashPassword('warden-timing-decoy-password');
    await argon2.verify(await timingDecoy, password);
    return { kind: 'invalid' };
  }
  if (isLocked(account, now)) {
    return { kind: 'locked', account, until: account.lockedUntil!, lockedNow: false };
  }
  if (await argon2.verify(account.passwordHash, password)) {
    if (account.failedAttempts !== 0 || account.lockedUntil !== null) {
      await accounts.saveLoginState(manager, account.id, AFTER_SUCCESSFUL_LOGIN);
    }
    return { kind: 'ok', account };
  }
  const next = afterFailedLogin(account, now);
  await accounts.saveLoginState(manager, account.id, {
    failedAttempts: next.failedAttempts,
    lockedUntil: next.lockedUntil,
  });
  return next.lockedNow
    ? { kind: 'locked', account, until: next.lockedUntil!, lockedNow: true }
    : { kind: 'invalid' };
}
