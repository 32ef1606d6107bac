import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditAction, AuditEntityType } from '../audit/audit.types';
import { DeveloperEntity } from '../organizations/developer.entity';
import { DevelopersRepository } from '../organizations/developers.repository';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { hashPassword } from '../staff/password-login';
import { loginWithPassword } from '../staff/password-session';
import { SessionAudience } from '../staff/session.entity';
import { bearerToken } from '../staff/session-tokens';
import { IssuedSession, SessionsService } from '../staff/sessions.service';
import { StaffError } from '../staff/staff.errors';
import { isUniqueViolation } from '../database/query-errors';
import { DeveloperPrincipal, developerActor } from './developer-principal';

const DEVELOPER_EMAIL_INDEX = 'developers_email_key';

export interface Registration {
  organizationName: string;
  email: string;
  password: string;
}

export interface DeveloperSession {
  developer: DeveloperEntity;
  organization: OrganizationEntity;
  session: IssuedSession;
}

/** Developer accounts: registration (a new organization and its first member), sign-in and sessions. */
@Injectable()
export class PortalAuthService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly organizations: OrganizationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Creates the organization and its first developer, unless the address is taken: then nothing happens, and the
   * caller answers the same either way (no account enumeration). The hash is computed first in both cases so the
   * timing does not tell either; two concurrent registrations of one address meet the unique index, not a 500.
   */
  async register(input: Registration): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    try {
      await this.dataSource.transaction(async (manager) => {
        if (await this.developers.findByEmail(input.email, manager)) {
          return;
        }
        // The id is chosen first so the organization's creation is already attributed to the new developer.
        const actor = developerActor({ id: randomUUID(), email: input.email });
        const organization = await this.organizations.registerNew(actor, input.organizationName, manager);
        const developer = await this.developers.create(manager, {
          id: actor.id!,
          organizationId: organization.id,
          email: input.email,
          passwordHash,
        });
        await this.audit.record(manager, {
          actor,
          action: AuditAction.DeveloperRegistered,
          entityType: AuditEntityType.Developer,
          entityId: developer.id,
          after: { email: developer.email, organizationId: organization.id },
        });
      });
    } catch (err) {
      if (!isUniqueViolation(err, DEVELOPER_EMAIL_INDEX)) {
        throw err;
      }
    }
  }

  async login(email: string, password: string): Promise<DeveloperSession> {
    const result = await loginWithPassword(
      this.dataSource,
      this.sessions,
      this.audit,
      this.developers,
      SessionAudience.Developer,
      {
        actor: developerActor,
        entityType: AuditEntityType.Developer,
        loggedIn: AuditAction.DeveloperLoggedIn,
        lockedOut: AuditAction.DeveloperLockedOut,
      },
      email,
      password,
    );
    return {
      developer: result.account,
      organization: await this.organizationOf(result.account),
      session: result.session,
    };
  }

  async refresh(refreshToken: string): Promise<DeveloperSession> {
    const rotated = await this.sessions.rotate(SessionAudience.Developer, refreshToken);
    const developer = rotated.kind === 'rotated' ? await this.developers.findById(rotated.principalId) : null;
    if (rotated.kind !== 'rotated' || !developer) {
      throw StaffError.invalidRefreshToken();
    }
    return { developer, organization: await this.organizationOf(developer), session: rotated.session };
  }

  async logout(principal: DeveloperPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeFamily(manager, { familyId: principal.sessionFamilyId });
      await this.audit.record(manager, {
        actor: developerActor(principal),
        action: AuditAction.DeveloperLoggedOut,
        entityType: AuditEntityType.Developer,
        entityId: principal.id,
      });
    });
  }

  async authenticate(authorization: string | undefined): Promise<DeveloperPrincipal> {
    const session = await this.sessions.authenticate(SessionAudience.Developer, bearerToken(authorization));
    const developer = session ? await this.developers.findById(session.principalId) : null;
    if (!session || !developer) {
      throw StaffError.unauthenticated();
    }
    return {
      id: developer.id,
      email: developer.email,
      organizationId: developer.organizationId,
      sessionFamilyId: session.familyId,
    };
  }

  async me(principal: DeveloperPrincipal): Promise<Omit<DeveloperSession, 'session'>> {
    const developer = await this.developers.findById(principal.id);
    if (!developer) {
      throw StaffError.unauthenticated();
    }
    return { developer, organization: await this.organizationOf(developer) };
  }

  private async organizationOf(
    developer: Pick<DeveloperEntity, 'organizationId'>,
  ): Promise<OrganizationEntity> {
    return (await this.organizations.findById(developer.organizationId))!;
  }
}
