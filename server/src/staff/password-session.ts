import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { attemptPasswordLogin, PasswordAccount, PasswordAccounts } from './password-login';
import { SessionAudience } from './session.entity';
import { IssuedSession, SessionsService } from './sessions.service';
import { StaffError } from './staff.errors';

export interface PasswordSessionAudit<T> {
  actor: (account: T) => Actor;
  entityType: AuditEntityType;
  loggedIn: AuditAction;
  lockedOut: AuditAction;
}

/**
 * The one login flow for staff and developers: check the password with the account locked, then issue a session
 * and audit the login, or audit the lock-out, all in one transaction; refusals become the staff API's errors.
 */
export async function loginWithPassword<T extends PasswordAccount>(
  dataSource: DataSource,
  sessions: SessionsService,
  audit: AuditService,
  accounts: PasswordAccounts<T>,
  audience: SessionAudience,
  trail: PasswordSessionAudit<T>,
  email: string,
  password: string,
): Promise<{ account: T; session: IssuedSession }> {
  const result = await dataSource.transaction(async (manager) => {
    const outcome = await attemptPasswordLogin(manager, accounts, email, password, new Date());
    if (outcome.kind === 'ok') {
      const session = await sessions.issue(manager, audience, outcome.account.id);
      await audit.record(manager, {
        actor: trail.actor(outcome.account),
        action: trail.loggedIn,
        entityType: trail.entityType,
        entityId: outcome.account.id,
      });
      return { ...outcome, session };
    }
    if (outcome.kind === 'locked' && outcome.lockedNow) {
      await audit.record(manager, {
        actor: trail.actor(outcome.account),
        action: trail.lockedOut,
        entityType: trail.entityType,
        entityId: outcome.account.id,
        after: { lockedUntil: outcome.until },
      });
    }
    return outcome;
  });
  // A locked account answers exactly like a wrong password, so lock-outs do not reveal which addresses exist.
  if (result.kind !== 'ok') {
    throw StaffError.invalidCredentials();
  }
  return { account: result.account, session: result.session };
}
