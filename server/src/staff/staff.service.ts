import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType, SYSTEM_ACTOR } from '../audit/audit.types';
import { hashPassword } from './password-login';
import { SessionAudience } from './session.entity';
import { SessionsService } from './sessions.service';
import { StaffError } from './staff.errors';
import { StaffPrincipal } from '../common/staff-access';
import { staffActor } from './staff-principal';
import { StaffRole } from '../contracts';
import { StaffUserEntity } from './staff-user.entity';
import { StaffRepository, StaffRow } from './staff.repository';

export interface NewStaffMember {
  email: string;
  password: string;
  role: StaffRole;
}

export interface StaffChange {
  role?: StaffRole;
  password?: string;
}

/** What the audit log keeps of a staff account: never the password hash. */
function auditView(staff: StaffUserEntity): Record<string, unknown> {
  return { email: staff.email, role: staff.role, lockedUntil: staff.lockedUntil };
}

@Injectable()
export class StaffService {
  constructor(
    private readonly repository: StaffRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** First-run bootstrap: creates the account once; later runs leave it (and its password) alone. */
  async ensure(
    email: string,
    password: string,
    role: StaffRole,
    manager: EntityManager,
  ): Promise<StaffUserEntity> {
    const existing = await this.repository.findByEmail(email, manager);
    if (existing) {
      return existing;
    }
    const created = await this.repository.create(
      { email, passwordHash: await hashPassword(password), role },
      manager,
    );
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      action: AuditAction.StaffCreated,
      entityType: AuditEntityType.Staff,
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  }

  list(query: ListQuery): Promise<ListPage<StaffRow>> {
    return this.repository.list(query);
  }

  async get(id: string): Promise<StaffUserEntity> {
    const staff = await this.repository.findById(id);
    if (!staff) {
      throw StaffError.notFound(id);
    }
    return staff;
  }

  async create(actor: Actor, input: NewStaffMember): Promise<StaffUserEntity> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await this.repository.findByEmail(input.email, manager)) {
        throw StaffError.emailTaken(input.email);
      }
      const created = await this.repository.create(
        { email: input.email, passwordHash, role: input.role },
        manager,
      );
      await this.audit.record(manager, {
        actor,
        action: AuditAction.StaffCreated,
        entityType: AuditEntityType.Staff,
        entityId: created.id,
        after: auditView(created),
      });
      return created;
    });
  }

  /** A new password also lifts a lock-out and signs the member out everywhere. */
  async update(actor: StaffPrincipal, id: string, change: StaffChange): Promise<StaffUserEntity> {
    const passwordHash = change.password ? await hashPassword(change.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const admins = await this.repository.lockAdmins(manager);
      const before = await this.repository.findByIdForUpdate(manager, id);
      if (!before) {
        throw StaffError.notFound(id);
      }
      if (
        before.role === StaffRole.Admin &&
        change.role &&
        change.role !== StaffRole.Admin &&
        admins.length <= 1
      ) {
        throw StaffError.lastAdmin();
      }
      const updated = await this.repository.update(manager, id, {
        ...(change.role ? { role: change.role } : {}),
        ...(passwordHash ? { passwordHash, failedAttempts: 0, lockedUntil: null } : {}),
      });
      if (passwordHash) {
        await this.sessions.revokeAllFor(manager, SessionAudience.Staff, id);
      }
      await this.audit.record(manager, {
        actor: staffActor(actor),
        action: AuditAction.StaffUpdated,
        entityType: AuditEntityType.Staff,
        entityId: id,
        before: auditView(before),
        after: { ...auditView(updated), passwordChanged: Boolean(passwordHash) },
      });
      return updated;
    });
  }

  async remove(actor: StaffPrincipal, id: string): Promise<StaffUserEntity> {
    if (actor.id === id) {
      throw StaffError.cannotDeleteSelf();
    }
    return this.dataSource.transaction(async (manager) => {
      const admins = await this.repository.lockAdmins(manager);
      const existing = await this.repository.findByIdForUpdate(manager, id);
      if (!existing) {
        throw StaffError.notFound(id);
      }
      if (existing.role === StaffRole.Admin && admins.length <= 1) {
        throw StaffError.lastAdmin();
      }
      await this.sessions.revokeAllFor(manager, SessionAudience.Staff, id);
      await this.repository.delete(manager, id);
      await this.audit.record(manager, {
        actor: staffActor(actor),
        action: AuditAction.StaffDeleted,
        entityType: AuditEntityType.Staff,
        entityId: id,
        before: auditView(existing),
      });
      return existing;
    });
  }
}
