import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { ListPage, ListQuery } from '../common/list-query';
import { RedisEvents } from '../common/redis.module';
import { StaffPrincipal } from '../common/staff-access';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import {
  DEFAULT_RESEARCH_PROFILE,
  grantStatus,
  grantTermsSchema,
  RenewalState,
  renewalDecisionSchema,
  renewalRequestSchema,
  researchApplySchema,
  researchQuotasSchema,
  ReviewState,
  ApplicationStatus,
} from '../contracts';
import { isModerationCategory } from '../moderation/moderation.types';
import { OrganizationsService } from '../organizations/organizations.service';
import { staffActor } from '../staff/staff-principal';
import { ResearchGrantEntity } from './research-grant.entity';
import { ResearchGrantError } from './research-grants.errors';
import { AttachedBiasRun, ResearchGrantRow, ResearchGrantsRepository } from './research-grants.repository';
import { QuotaUsage, ResearchQuotaCounter } from './research-quota';
import { ResearchTerms } from './research-terms';

const INVALIDATION_EVENT = 'research-grants:invalidated';

export type ResearchApplication = z.output<typeof researchApplySchema>;
export type GrantTermsChange = z.output<typeof grantTermsSchema>;
export type RenewalRequest = z.output<typeof renewalRequestSchema>;
export type RenewalDecision = z.output<typeof renewalDecisionSchema>;

export interface GrantDetail {
  row: ResearchGrantRow;
  usage: QuotaUsage;
  biasRuns: AttachedBiasRun[];
}

function grantAuditView(grant: ResearchGrantEntity): Record<string, unknown> {
  return {
    startsAt: grant.startsAt,
    endsAt: grant.endsAt,
    quotas: grant.quotas,
    profile: grant.profile,
    renewalState: grant.renewalState,
    renewalRequestedEndsAt: grant.renewalRequestedEndsAt,
    renewals: grant.renewals,
  };
}

/**
 * The academic access program. A research application is reviewed by ReviewService like any other (with the
 * research checklist); this service holds its grant: terms staff set before approving, renewals, attached bias
 * runs, and the terms every /v1 call under the grant is held to (cached per instance, invalidated through Redis).
 */
@Injectable()
export class ResearchGrantsService implements OnModuleInit {
  private readonly terms = new Map<string, { terms: ResearchTerms; expiresAt: number }>();

  constructor(
    private readonly repository: ResearchGrantsRepository,
    private readonly applications: ApplicationsService,
    private readonly organizations: OrganizationsService,
    private readonly quota: ResearchQuotaCounter,
    private readonly audit: AuditService,
    private readonly events: RedisEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (grantId) => this.terms.delete(grantId));
  }

  async apply(actor: Actor, organizationId: string, input: ResearchApplication): Promise<ResearchGrantRow> {
    const id = await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.openResearch(manager, actor, organizationId, input.name);
      const grant = await this.repository.create(manager, {
        id: application.id,
        questionnaire: input.questionnaire,
        quotas: researchQuotasSchema.parse({}),
        profile: DEFAULT_RESEARCH_PROFILE,
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ResearchGrantOpened,
        entityType: AuditEntityType.ResearchGrant,
        entityId: grant.id,
        after: { ...grantAuditView(grant), questionnaire: grant.questionnaire },
      });
      return grant.id;
    });
    return this.getRow(id);
  }

  list(query: ListQuery): Promise<ListPage<ResearchGrantRow>> {
    return this.repository.list(query);
  }

  listOwn(organizationId: string): Promise<ResearchGrantRow[]> {
    return this.repository.listForOrganization(organizationId);
  }

  async get(id: string, organizationId?: string): Promise<GrantDetail> {
    const row = await this.getRow(id, organizationId);
    const [usage, biasRuns] = await Promise.all([this.quota.usage(id), this.repository.biasRunsFor(id)]);
    return { row, usage, biasRuns };
  }

  /**
   * Staff set the grant's terms. Dates are set before approval (the approval needs them, and the end bounds every
   * key); afterwards only a renewal moves the end. Quotas and profile may change at any time and apply at once.
   * All of them set what the grant's keys may do, so staff who are developers in its organization may not
   * (self-review).
   */
  async updateTerms(staff: StaffPrincipal, id: string, change: GrantTermsChange): Promise<GrantDetail> {
    const unknown = (change.profile?.observeOnlyCategories ?? []).filter(
      (name) => !isModerationCategory(name),
    );
    if (unknown.length > 0) {
      throw ResearchGrantError.unknownCategories(unknown);
    }
    await this.dataSource.transaction(async (manager) => {
      const { application, grant } = await this.lockBoth(manager, id);
      await this.organizations.assertOutsider(application.organizationId, staff.email);
      const movesDates = change.startsAt !== undefined || change.endsAt !== undefined;
      if (movesDates && application.reviewState === ReviewState.Approved) {
        throw ResearchGrantError.datesLocked();
      }
      const startsAt = change.startsAt ?? grant.startsAt;
      const endsAt = change.endsAt ?? grant.endsAt;
      if (startsAt && endsAt && endsAt <= startsAt) {
        throw ResearchGrantError.invalidDates();
      }
      const updated = await this.repository.update(manager, id, {
        startsAt,
        endsAt,
        quotas: { ...grant.quotas, ...change.quotas },
        profile: { ...grant.profile, ...change.profile },
      });
      // The review's approval reads this bound: keys of the grant expire by its end.
      await this.applications.setKeysExpireBy(manager, id, startsAt && endsAt ? endsAt : null);
      await this.audit.record(manager, {
        actor: staffActor(staff),
        action: AuditAction.ResearchGrantTermsUpdated,
        entityType: AuditEntityType.ResearchGrant,
        entityId: id,
        before: grantAuditView(grant),
        after: grantAuditView(updated),
      });
    });
    await this.invalidate(id);
    return this.get(id);
  }

  async requestRenewal(
    actor: Actor,
    organizationId: string,
    id: string,
    input: RenewalRequest,
  ): Promise<GrantDetail> {
    await this.dataSource.transaction(async (manager) => {
      const { application, grant } = await this.lockBoth(manager, id, organizationId);
      if (application.reviewState !== ReviewState.Approved || !grant.endsAt) {
        throw ResearchGrantError.notApproved();
      }
      if (grant.renewalState === RenewalState.Requested) {
        throw ResearchGrantError.renewalPending();
      }
      if (input.endsAt <= grant.endsAt) {
        throw ResearchGrantError.renewalNotLater(grant.endsAt);
      }
      const updated = await this.repository.update(manager, id, {
        renewalState: RenewalState.Requested,
        renewalRequestedEndsAt: input.endsAt,
        renewalReason: input.reason,
        renewalRequestedAt: new Date(),
        renewalDecidedAt: null,
        renewalDecidedBy: null,
        renewalRationale: null,
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ResearchRenewalRequested,
        entityType: AuditEntityType.ResearchGrant,
        entityId: id,
        before: grantAuditView(grant),
        after: { ...grantAuditView(updated), reason: input.reason },
      });
    });
    return this.get(id, organizationId);
  }

  /**
   * Staff approve (a new end date; existing keys keep their expiry, researchers reissue) or deny a renewal. Like
   * the approval it extends, a renewal is decided by staff outside the grant's organization (self-review).
   */
  async decideRenewal(staff: StaffPrincipal, id: string, input: RenewalDecision): Promise<GrantDetail> {
    await this.dataSource.transaction(async (manager) => {
      const { application, grant } = await this.lockBoth(manager, id);
      await this.organizations.assertOutsider(application.organizationId, staff.email);
      if (grant.renewalState !== RenewalState.Requested || !grant.endsAt) {
        throw ResearchGrantError.noRenewalPending();
      }
      const decided = {
        renewalDecidedAt: new Date(),
        renewalDecidedBy: staff.id,
        renewalRationale: input.rationale,
      };
      let updated: ResearchGrantEntity;
      if (input.decision === 'approve') {
        const endsAt = input.endsAt ?? grant.renewalRequestedEndsAt ?? grant.endsAt;
        if (endsAt <= grant.endsAt) {
          throw ResearchGrantError.renewalNotLater(grant.endsAt);
        }
        updated = await this.repository.update(manager, id, {
          ...decided,
          renewalState: RenewalState.Approved,
          endsAt,
          renewals: grant.renewals + 1,
        });
        await this.applications.setKeysExpireBy(manager, id, endsAt);
      } else {
        updated = await this.repository.update(manager, id, {
          ...decided,
          renewalState: RenewalState.Denied,
        });
      }
      await this.audit.record(manager, {
        actor: staffActor(staff),
        action:
          input.decision === 'approve'
            ? AuditAction.ResearchRenewalApproved
            : AuditAction.ResearchRenewalDenied,
        entityType: AuditEntityType.ResearchGrant,
        entityId: id,
        before: grantAuditView(grant),
        after: { ...grantAuditView(updated), rationale: input.rationale },
      });
    });
    await this.invalidate(id);
    return this.get(id);
  }

  async attachBiasRun(staff: StaffPrincipal, id: string, biasRunId: string): Promise<GrantDetail> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockBoth(manager, id);
      if (!(await this.repository.biasRunExists(manager, biasRunId))) {
        throw ResearchGrantError.biasRunNotFound(biasRunId);
      }
      if (await this.repository.attachBiasRun(manager, id, biasRunId, staff.id)) {
        await this.audit.record(manager, {
          actor: staffActor(staff),
          action: AuditAction.ResearchBiasRunAttached,
          entityType: AuditEntityType.ResearchGrant,
          entityId: id,
          after: { biasRunId },
        });
      }
    });
    return this.get(id);
  }

  /** What a /v1 call with a key of this research application is held to. */
  async termsFor(application: ApplicationEntity): Promise<ResearchTerms> {
    const cached = this.terms.get(application.id);
    const now = Date.now();
    if (cached && cached.expiresAt > now) {
      return { ...cached.terms, status: this.statusOf(application, cached.terms, new Date(now)) };
    }
    const grant = await this.dataSource.getRepository(ResearchGrantEntity).findOneBy({ id: application.id });
    if (!grant) {
      throw ResearchGrantError.notFound(application.id);
    }
    const terms: ResearchTerms = {
      grantId: grant.id,
      startsAt: grant.startsAt,
      endsAt: grant.endsAt,
      quotas: grant.quotas,
      profile: grant.profile,
      status: 'pending',
    };
    this.terms.set(application.id, { terms, expiresAt: now + this.config.keyCacheTtlMs });
    return { ...terms, status: this.statusOf(application, terms, new Date(now)) };
  }

  chargeQuota(terms: ResearchTerms, tokens: number): Promise<void> {
    return this.quota.charge(terms.grantId, terms.quotas, tokens);
  }

  /** Read at every call, not cached: a grant's end is a moment, not an event anyone publishes. */
  private statusOf(application: ApplicationEntity, terms: ResearchTerms, now: Date): ResearchTerms['status'] {
    return grantStatus(
      {
        approved: application.reviewState === ReviewState.Approved,
        closed: application.status === ApplicationStatus.Terminated,
        startsAt: terms.startsAt,
        endsAt: terms.endsAt,
      },
      now,
    );
  }

  private async getRow(id: string, organizationId?: string): Promise<ResearchGrantRow> {
    const row = await this.repository.findRow(id, organizationId);
    if (!row) {
      throw ResearchGrantError.notFound(id);
    }
    return row;
  }

  /** Application first, then grant: the same order ReviewService locks the application in. */
  private async lockBoth(
    manager: EntityManager,
    id: string,
    organizationId?: string,
  ): Promise<{ application: ApplicationEntity; grant: ResearchGrantEntity }> {
    const application = await this.applications.lockForUpdate(manager, id);
    const grant = application ? await this.repository.lock(manager, id) : null;
    if (!application || !grant || (organizationId && application.organizationId !== organizationId)) {
      throw ResearchGrantError.notFound(id);
    }
    return { application, grant };
  }

  private async invalidate(id: string): Promise<void> {
    this.terms.delete(id);
    await this.events.publish(INVALIDATION_EVENT, id);
  }
}
