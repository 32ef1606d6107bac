import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditAction, AuditEntityType } from '../audit/audit.types';
import { loginWithPassword } from './password-session';
import { SessionAudience } from './session.entity';
import { bearerToken } from './session-tokens';
import { IssuedSession, SessionsService } from './sessions.service';
import { StaffError } from './staff.errors';
import { StaffPrincipal } from '../common/staff-access';
import { staffActor } from './staff-principal';
import { StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';

export interface StaffSession {
  staff: StaffUserEntity;
  session: IssuedSession;
}

@Injectable()
export class StaffAuthService {
  constructor(
    private readonly repository: StaffRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async login(email: string, password: string): Promise<StaffSession> {
    const result = await loginWithPassword(
      this.dataSource,
      this.sessions,
      this.audit,
      this.repository,
      SessionAudience.Staff,
      {
        actor: staffActor,
        entityType: AuditEntityType.Staff,
        loggedIn: AuditAction.StaffLoggedIn,
        lockedOut: AuditAction.StaffLockedOut,
      },
      email,
      password,
    );
    return { staff: result.account, session: result.session };
  }

  async refresh(refreshToken: string): Promise<StaffSession> {
    const rotated = await this.sessions.rotate(SessionAudience.Staff, refreshToken);
    const staff = rotated.kind === 'rotated' ? await this.repository.findById(rotated.principalId) : null;
    if (rotated.kind !== 'rotated' || !staff) {
      throw StaffError.invalidRefreshToken();
    }
    return { staff, session: rotated.session };
  }

  async logout(principal: StaffPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeFamily(manager, { familyId: principal.sessionFamilyId });
      await this.audit.record(manager, {
        actor: staffActor(principal),
        action: AuditAction.StaffLoggedOut,
        entityType: AuditEntityType.Staff,
        entityId: principal.id,
      });
    });
  }

  /** The role is read on every call, so a role change or a deletion applies to open sessions at once. */
  async authenticate(authorization: string | undefined): Promise<StaffPrincipal> {
    const session = await this.sessions.authenticate(SessionAudience.Staff, bearerToken(authorization));
    const staff = session ? await this.repository.findById(session.principalId) : null;
    if (!session || !staff) {
      throw StaffError.unauthenticated();
    }
    return { id: staff.id, email: staff.email, role: staff.role, sessionFamilyId: session.familyId };
  }
}
