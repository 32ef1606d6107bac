import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APPLICATION_KEYS, ApplicationKeys } from './application-keys';
import { AuditService } from '../audit/audit.service';
import { AuditAction, AuditEntityType } from '../audit/audit.types';
import { WardenError } from '../common/errors';
import { LOGGER } from '../common/logger.module';
import { PoliciesService } from '../policies/policies.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { ApplicationDecisionEntity } from './application-decision.entity';
import { ApplicationEntity } from './application.entity';
import { ApplicationReviewError } from './applications.errors';
import { ApplicationRow, ApplicationsRepository } from './applications.repository';
import { applicationAuditView } from './applications.service';
import { CONFLICTED_DECISIONS } from './review-workflow';
import {
  ApplicationKind,
  Checklist,
  Decision,
  decide,
  missingChecklistItems,
  missingResearchChecklistItems,
} from '../contracts';
import { RiskTier } from './risk-tier';
import { RE_REVIEW_AFTER_DAYS, TIER_POLICIES } from './tier-policies';
import { TopicModelsService, topicsOf } from '../topicality/topic-models.service';

export interface DecisionInput {
  decision: Decision;
  rationale: string;
  checklist: Checklist;
  reReviewAt?: Date | null;
}

export interface DecisionOutcome {
  application: ApplicationRow;
  decisions: ApplicationDecisionEntity[];
}

export type BulkOutcome =
  { id: string; ok: true; outcome: DecisionOutcome } | { id: string; ok: false; error: WardenError };

const DECISION_AUDIT: Record<Decision, AuditAction> = {
  [Decision.StartReview]: AuditAction.ApplicationReviewStarted,
  [Decision.Approve]: AuditAction.ApplicationApproved,
  [Decision.RequestChanges]: AuditAction.ApplicationChangesRequested,
  [Decision.Reject]: AuditAction.ApplicationRejected,
  [Decision.Suspend]: AuditAction.ApplicationSuspended,
  [Decision.Reinstate]: AuditAction.ApplicationReinstated,
  [Decision.Terminate]: AuditAction.ApplicationTerminated,
};

const DAY_MS = 24 * 3600 * 1000;

/** Staff decisions on applications: the guarded transitions of the review workflow and what each one sets off. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly applications: ApplicationsRepository,
    @Inject(APPLICATION_KEYS) private readonly apiKeys: ApplicationKeys,
    private readonly policies: PoliciesService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly topicModels: TopicModelsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async decide(staff: StaffPrincipal, applicationId: string, input: DecisionInput): Promise<DecisionOutcome> {
    const current = await this.applications.findById(applicationId);
    if (!current) {
      throw ApplicationReviewError.notFound(applicationId);
    }
    if (CONFLICTED_DECISIONS.includes(input.decision)) {
      await this.organizations.assertOutsider(current.organizationId, staff.email);
    }
    const research = current.kind === ApplicationKind.Research;
    const unchecked =
      research && input.decision === Decision.Approve
        ? missingResearchChecklistItems(input.checklist)
        : missingChecklistItems(input.decision, input.checklist);
    if (unchecked.length > 0) {
      throw ApplicationReviewError.checklistIncomplete(unchecked);
    }
    if (input.reReviewAt && input.reReviewAt.getTime() <= Date.now()) {
      throw ApplicationReviewError.reReviewInPast();
    }

    const actor = staffActor(staff);
    const { before, after } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.applications.lock(manager, applicationId);
      if (!locked) {
        throw ApplicationReviewError.notFound(applicationId);
      }
      const next = decide(locked, input.decision);
      if (!next) {
        throw ApplicationReviewError.invalidTransition(input.decision, locked.reviewState, locked.status);
      }
      // A research approval grants time-boxed access: staff set the grant's dates first (its end bounds the keys).
      if (research && input.decision === Decision.Approve && !locked.keysExpireBy) {
        throw ApplicationReviewError.grantTermsMissing();
      }
      const reReviewAt =
        input.reReviewAt ??
        (input.decision === Decision.Approve ? defaultReReview(locked.riskTier) : locked.reReviewAt);
      const updated = await this.applications.update(manager, applicationId, { ...next, reReviewAt });
      const decision = await this.applications.insertDecision(manager, {
        applicationId,
        decision: input.decision,
        reviewerId: staff.id,
        reviewerEmail: staff.email,
        checklist: input.checklist,
        rationale: input.rationale,
        reReviewAt,
        fromReviewState: locked.reviewState,
        toReviewState: updated.reviewState,
        fromStatus: locked.status,
        toStatus: updated.status,
      });
      await this.audit.record(manager, {
        actor,
        action: DECISION_AUDIT[input.decision],
        entityType: AuditEntityType.Application,
        entityId: applicationId,
        before: applicationAuditView(locked),
        after: {
          ...applicationAuditView(updated),
          decisionId: decision.id,
          rationale: input.rationale,
          checklist: input.checklist,
        },
      });
      // No key is issued here: its secret would be shown to the reviewer. The developer creates production keys in
      // the portal once the application is live.
      if (input.decision === Decision.Approve) {
        await this.topicModels.rebuild(manager, applicationId, topicsOf(locked.questionnaire));
      }
      if (input.decision === Decision.Terminate) {
        await this.apiKeys.terminateAllForApplication(
          manager,
          actor,
          applicationId,
          `application terminated: ${input.rationale}`,
        );
      }
      return { before: locked, after: updated };
    });

    if (before.status !== after.status) {
      await this.apiKeys.invalidateApplication(applicationId);
    }
    if (input.decision === Decision.Approve) {
      await this.topicModels.published(applicationId);
    }
    // A research grant's policy is its profile (applied per call), not a product risk tier's.
    if (input.decision === Decision.Approve && !research) {
      await this.applyTierPolicy(staff, after);
    }
    return {
      application: (await this.applications.findRow(applicationId))!,
      decisions: await this.applications.decisionsFor(applicationId),
    };
  }

  /** One decision for many applications, each on its own: a refusal of one does not undo the others. */
  async decideMany(staff: StaffPrincipal, ids: string[], input: DecisionInput): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    for (const id of ids) {
      try {
        outcomes.push({ id, ok: true, outcome: await this.decide(staff, id, input) });
      } catch (err) {
        if (!(err instanceof WardenError)) {
          throw err;
        }
        outcomes.push({ id, ok: false, error: err });
      }
    }
    return outcomes;
  }

  /**
   * The tier's default policy, merged into the application's stored patch. It runs after the approval commits
   * because PoliciesService writes outside this transaction (and would wait on its row lock); a failure here leaves
   * the application on the live defaults, so it is logged loudly rather than failing an approval whose production
   * key has already been issued.
   */
  private async applyTierPolicy(staff: StaffPrincipal, application: ApplicationEntity): Promise<void> {
    const tier = application.riskTier ?? RiskTier.High;
    try {
      const before = await this.policies.storedPatch(application.id);
      await this.policies.update(application, TIER_POLICIES[tier]);
      await this.audit.recordAlone({
        actor: staffActor(staff),
        action: AuditAction.PolicyUpdated,
        entityType: AuditEntityType.Policy,
        entityId: application.id,
        before: { patch: before },
        after: { patch: await this.policies.storedPatch(application.id), tier },
      });
    } catch (err) {
      this.logger.error(
        { err, applicationId: application.id, tier },
        'approved, but the risk tier policy could not be written',
      );
    }
  }
}

function defaultReReview(tier: RiskTier | null): Date {
  return new Date(Date.now() + RE_REVIEW_AFTER_DAYS[tier ?? RiskTier.High] * DAY_MS);
}
