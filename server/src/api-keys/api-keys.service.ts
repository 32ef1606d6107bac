import { OrganizationsError } from '../organizations/organizations.errors';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ApplicationEntity, ApplicationStatus } from '../applications/application.entity';
import { ApplicationKeys } from '../applications/application-keys';
import { AuditService } from '../audit/audit.service';
import { Actor, ActorType, AuditAction, AuditEntityType } from '../audit/audit.types';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { LOGGER } from '../common/logger.module';
import { OrganizationsService } from '../organizations/organizations.service';
import { ApiKeyEntity, ApiKeyKind, ApiKeyStatus } from './api-key.entity';
import { ApiKeyCache } from './api-key.cache';
import { apiKeyMatches, generateApiKey, hashApiKey, maskApiKey, parseApiKey } from './api-key.secret';
import { ApiKeyError, ApiKeyManagementError } from './api-keys.errors';
import { ApiKeyRow, ApiKeysRepository, KeyWithApplication } from './api-keys.repository';
import { ApplicationKind, KeyAction, KeyEnforcementReason, keyTransition } from '../contracts';

const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedApiKey {
  key: ApiKeyEntity;
  /** The only time the full secret exists outside the caller's hands. */
  secret: string;
}

/** A key as the API shows it, with its secret: the answer to a create or a rotation. */
export interface IssuedApiKeyRow {
  row: ApiKeyRow;
  secret: string;
}

export interface NewApiKey {
  applicationId: string;
  name: string;
  kind: ApiKeyKind;
  expiresAt?: Date | null;
}

/** Only sandbox and live applications get new keys; the kind follows the application's status. */
const KIND_FOR_STATUS: Partial<Record<ApplicationStatus, ApiKeyKind>> = {
  [ApplicationStatus.Sandbox]: ApiKeyKind.Sandbox,
  [ApplicationStatus.Live]: ApiKeyKind.Production,
};

const ACTION_AUDIT: Record<Exclude<KeyAction, typeof KeyAction.Rotate>, AuditAction> = {
  [KeyAction.Revoke]: AuditAction.ApiKeyRevoked,
  [KeyAction.Suspend]: AuditAction.ApiKeySuspended,
  [KeyAction.Unsuspend]: AuditAction.ApiKeyUnsuspended,
  [KeyAction.Terminate]: AuditAction.ApiKeyTerminated,
};

export type StatusAction = keyof typeof ACTION_AUDIT;

/** Staff taking these actions put the whole application under enforcement, not only the key. */
const ENFORCING_ACTIONS: readonly KeyAction[] = [KeyAction.Suspend, KeyAction.Terminate];

function auditView(key: ApiKeyEntity): Record<string, unknown> {
  return {
    applicationId: key.applicationId,
    name: key.name,
    prefix: key.prefix,
    kind: key.kind,
    status: key.status,
    statusReason: key.statusReason,
    expiresAt: key.expiresAt,
  };
}

/**
 * Keys: issuing, authenticating and their lifecycle. Every change is committed first and then published through
 * Redis, so every api instance drops the cached key at once and cannot re-read the old state.
 */
@Injectable()
export class ApiKeysService implements ApplicationKeys {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly cache: ApiKeyCache,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  /** Registers a key inside the caller's transaction and audits it. `secret` is only given by first-run bootstrap. */
  async issue(
    manager: EntityManager,
    actor: Actor,
    input: NewApiKey,
    secret = generateApiKey(),
  ): Promise<IssuedApiKey> {
    const parsed = parseApiKey(secret);
    if (!parsed) {
      throw new Error('refusing to register a key that is not in the wk-<prefix>_<secret> form');
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw ApiKeyManagementError.expiryInPast();
    }
    const key = await this.repository.create(manager, {
      applicationId: input.applicationId,
      name: input.name,
      kind: input.kind,
      expiresAt: input.expiresAt ?? null,
      prefix: parsed.prefix,
      secretHash: hashApiKey(secret),
    });
    await this.audit.record(manager, {
      actor,
      action: AuditAction.ApiKeyCreated,
      entityType: AuditEntityType.ApiKey,
      entityId: key.id,
      after: auditView(key),
    });
    return { key, secret };
  }

  /** A new key for an application, of the kind its status calls for. */
  async create(
    actor: Actor,
    applicationId: string,
    input: { name: string; expiresAt?: Date | null },
  ): Promise<IssuedApiKeyRow> {
    const issued = await this.dataSource.transaction(async (manager) => {
      const application = await this.repository.findApplicationForKeys(manager, applicationId);
      if (!application) {
        throw ApiKeyManagementError.applicationNotFound(applicationId);
      }
      await this.assertMayIssueUnderEnforcement(actor, application);
      assertWithinKeyBound(application, input.expiresAt ?? null);
      const limit = this.config.maxActiveKeysPerApplication;
      if ((await this.repository.countUsable(manager, applicationId)) >= limit) {
        throw ApiKeyManagementError.activeKeyLimit(limit);
      }
      return this.issue(manager, actor, {
        applicationId,
        name: input.name,
        kind: this.kindFor(application),
        expiresAt: input.expiresAt,
      });
    });
    return { row: await this.get(issued.key.id), secret: issued.secret };
  }

  /** A new secret under the same name, kind and expiry; the old key is revoked in the same transaction. */
  async rotate(actor: Actor, keyId: string, reason: string | null): Promise<IssuedApiKeyRow> {
    const { replacement, oldPrefix } = await this.dataSource.transaction(async (manager) => {
      const old = await this.lockInScope(manager, keyId);
      if (!keyTransition(old.status, KeyAction.Rotate)) {
        throw ApiKeyManagementError.invalidTransition(KeyAction.Rotate, old.status);
      }
      const application = await this.repository.findApplicationForKeys(manager, old.applicationId);
      if (!application || !KIND_FOR_STATUS[application.status]) {
        throw ApiKeyManagementError.applicationNotAcceptingKeys(application?.status ?? 'deleted');
      }
      // A rotation issues a key too: rotating an expired key gives back access that had run out.
      await this.assertMayIssueUnderEnforcement(actor, application);
      const expiresAt = old.expiresAt && old.expiresAt.getTime() > Date.now() ? old.expiresAt : null;
      // An expired key of a time-boxed application has no expiry to pass on, and its replacement needs one.
      assertWithinKeyBound(application, expiresAt);
      const issued = await this.issue(manager, actor, {
        applicationId: old.applicationId,
        name: old.name,
        kind: old.kind,
        expiresAt,
      });
      const revoked = await this.repository.setStatus(manager, old.id, {
        status: ApiKeyStatus.Revoked,
        statusReason: reason ? `rotated: ${reason}` : 'rotated',
        replacedBy: issued.key.id,
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ApiKeyRotated,
        entityType: AuditEntityType.ApiKey,
        entityId: old.id,
        before: auditView(old),
        after: { ...auditView(revoked), replacedBy: issued.key.id },
      });
      return { replacement: issued, oldPrefix: old.prefix };
    });
    await this.cache.invalidateEverywhere(oldPrefix);
    return { row: await this.get(replacement.key.id), secret: replacement.secret };
  }

  async changeStatus(
    actor: Actor,
    keyId: string,
    action: StatusAction,
    reason: string | null,
    scope?: { applicationId: string },
    category: KeyEnforcementReason | null = null,
  ): Promise<ApiKeyRow> {
    const enforces = ENFORCING_ACTIONS.includes(action) && actor.type === ActorType.Staff;
    const updated = await this.dataSource.transaction(async (manager) => {
      const key = await this.lockInScope(manager, keyId, scope);
      const next = keyTransition(key.status, action);
      if (!next) {
        throw ApiKeyManagementError.invalidTransition(action, key.status);
      }
      if (action === KeyAction.Unsuspend) {
        const application = await this.repository.findApplicationForKeys(manager, key.applicationId);
        if (application && !(await this.isIndependentStaff(actor, application.organizationId))) {
          throw OrganizationsError.selfReview();
        }
      }
      const changed = await this.repository.setStatus(manager, key.id, {
        status: next,
        statusReason: reason,
        statusReasonCategory: ENFORCING_ACTIONS.includes(action) ? category : null,
      });
      if (enforces) {
        await this.repository.setEnforcement(manager, key.applicationId, { category, reason });
        await this.audit.record(manager, {
          actor,
          action: AuditAction.ApplicationEnforced,
          entityType: AuditEntityType.Application,
          entityId: key.applicationId,
          after: { keyId: key.id, keyAction: action, category, reason },
        });
      }
      await this.audit.record(manager, {
        actor,
        action: ACTION_AUDIT[action],
        entityType: AuditEntityType.ApiKey,
        entityId: key.id,
        before: auditView(key),
        after: auditView(changed),
      });
      return changed;
    });
    await this.cache.invalidateEverywhere(updated.prefix);
    if (enforces) {
      // Cached keys carry their application, whose enforcement just changed.
      await this.invalidateApplication(updated.applicationId);
    }
    return this.get(updated.id);
  }

  /** Inside the caller's transaction; the caller publishes with `invalidateApplication` once it commits. */
  async terminateAllForApplication(
    manager: EntityManager,
    actor: Actor,
    applicationId: string,
    reason: string,
  ): Promise<void> {
    for (const key of await this.repository.lockAllForApplication(manager, applicationId)) {
      if (key.status === ApiKeyStatus.Terminated) {
        continue;
      }
      const changed = await this.repository.setStatus(manager, key.id, {
        status: ApiKeyStatus.Terminated,
        statusReason: reason,
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ApiKeyTerminated,
        entityType: AuditEntityType.ApiKey,
        entityId: key.id,
        before: auditView(key),
        after: auditView(changed),
      });
    }
  }

  /** Cached keys carry their application, so any change to the application drops all of its keys everywhere. */
  async invalidateApplication(applicationId: string): Promise<void> {
    await Promise.all(
      (await this.repository.prefixesForApplication(applicationId)).map((prefix) =>
        this.cache.invalidateEverywhere(prefix),
      ),
    );
  }

  /** The operator CLI's `keys:revoke`. */
  async revokeByPrefix(actor: Actor, prefix: string, reason: string | null): Promise<ApiKeyRow | null> {
    const key = await this.repository.findByPrefix(prefix);
    return key ? this.changeStatus(actor, key.id, KeyAction.Revoke, reason) : null;
  }

  async authenticate(authorization: string | undefined): Promise<KeyWithApplication> {
    const presented = bearerToken(authorization);
    if (!presented) {
      throw ApiKeyError.missing();
    }
    const parsed = parseApiKey(presented);
    if (!parsed) {
      throw ApiKeyError.invalid(maskApiKey(presented));
    }
    const cached = this.cache.get(parsed.prefix, this.readKey);
    const read = cached ? undefined : this.cache.read(parsed.prefix, this.readKey);
    const found = cached ?? (await read!.found);
    if (!found || !apiKeyMatches(presented, found.key.secretHash)) {
      throw ApiKeyError.invalid(maskApiKey(presented));
    }
    this.assertUsable(found.key, maskApiKey(presented));
    if (read) {
      this.cache.set(parsed.prefix, found, read.epoch);
    }
    this.touch(found.key);
    return found;
  }

  /**
   * The application status whose default policy a call is held to: a sandbox key keeps sandbox defaults even
   * once its application is live, so developers cannot test with the production key's limits.
   */
  policyStatus(found: KeyWithApplication): ApplicationStatus {
    return found.key.kind === ApiKeyKind.Sandbox ? ApplicationStatus.Sandbox : found.application.status;
  }

  list(query: ListQuery): Promise<ListPage<ApiKeyRow>> {
    return this.repository.list(query);
  }

  async get(id: string): Promise<ApiKeyRow> {
    const row = await this.repository.findRow(id);
    if (!row) {
      throw ApiKeyManagementError.notFound(id);
    }
    return row;
  }

  listForApplication(applicationId: string): Promise<ApiKeyRow[]> {
    return this.repository.listRowsForApplication(applicationId);
  }

  /** Staff decide under enforcement; the developer it binds cannot route around it with a fresh key. */
  private async assertMayIssueUnderEnforcement(actor: Actor, application: ApplicationEntity): Promise<void> {
    if (application.enforcedAt && !(await this.isIndependentStaff(actor, application.organizationId))) {
      throw ApiKeyManagementError.underEnforcement(
        application.enforcementCategory,
        application.enforcementReason,
        application.enforcedAt,
      );
    }
  }

  /**
   * Staff outside the organization: only they give a key or an application back what enforcement took (a staff
   * member who is also one of its developers would be reviewing their own, as with reinstating the application).
   */
  private async isIndependentStaff(actor: Actor, organizationId: string): Promise<boolean> {
    return (
      actor.type === ActorType.Staff &&
      !(actor.email !== null && (await this.organizations.hasMember(organizationId, actor.email)))
    );
  }

  private kindFor(application: ApplicationEntity): ApiKeyKind {
    const kind = KIND_FOR_STATUS[application.status];
    if (!kind) {
      throw ApiKeyManagementError.applicationNotAcceptingKeys(application.status);
    }
    return kind;
  }

  private async lockInScope(
    manager: EntityManager,
    keyId: string,
    scope?: { applicationId: string },
  ): Promise<ApiKeyEntity> {
    const key = await this.repository.lockById(manager, keyId);
    if (!key || (scope && key.applicationId !== scope.applicationId)) {
      throw ApiKeyManagementError.notFound(keyId);
    }
    return key;
  }

  private assertUsable(key: ApiKeyEntity, masked: string): void {
    switch (key.status) {
      case ApiKeyStatus.Revoked:
        throw ApiKeyError.revoked(masked);
      case ApiKeyStatus.Suspended:
        throw ApiKeyError.suspended(masked, key.statusReasonCategory);
      case ApiKeyStatus.Terminated:
        throw ApiKeyError.terminated(masked, key.statusReasonCategory);
      case ApiKeyStatus.Active:
        if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
          throw ApiKeyError.expired(masked, key.expiresAt);
        }
    }
  }

  /** How the key cache reads a key it does not hold, or holds near the end of its life. */
  private readonly readKey = (prefix: string) => this.repository.findByPrefixWithApplication(prefix);

  /** `last_used_at` is kept to the minute so a busy key does not turn every request into a write. */
  private touch(key: ApiKeyEntity): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(key.id) ?? 0) < LAST_USED_RESOLUTION_MS) {
      return;
    }
    this.lastTouched.set(key.id, now);
    this.repository
      .touchLastUsed(key.id, new Date(now))
      .catch((err: unknown) =>
        this.logger.warn({ err, keyPrefix: key.prefix }, 'could not record last_used_at'),
      );
  }
}

/**
 * Keys of an application with a bound (a research grant's end) are time-boxed: an expiry is required, within it.
 * A research application has no sandbox: its keys exist only under an approved grant.
 */
function assertWithinKeyBound(application: ApplicationEntity, expiresAt: Date | null): void {
  if (application.kind === ApplicationKind.Research && application.status !== ApplicationStatus.Live) {
    throw ApiKeyManagementError.applicationNotAcceptingKeys(`${application.status} research`);
  }
  if (!application.keysExpireBy) {
    return;
  }
  if (!expiresAt) {
    throw ApiKeyManagementError.expiryRequired(application.keysExpireBy);
  }
  if (expiresAt.getTime() > application.keysExpireBy.getTime()) {
    throw ApiKeyManagementError.expiryBeyondBound(application.keysExpireBy);
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
