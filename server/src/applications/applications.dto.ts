import { listContract } from '../common/list-query';
import type { ErrorCatalog } from '../common/errors';
import { IssuedApplicationKey } from './application-keys';
import type { ClassifierDefaults } from './effective-thresholds';
import type { ApplicationPolicy } from './application-policies.service';
import { ApplicationDecisionEntity } from './application-decision.entity';
import { ApplicationEntity, ApplicationStatus } from './application.entity';
import type { ApplicationRow } from './applications.repository';
import {
  AdminApplicationResponse,
  AppliedResponse,
  APPLICATION_KINDS,
  applySchema,
  BulkDecisionResponse,
  ClassifierThresholdsResponse,
  DecisionResponse,
  DecisionResultResponse,
  EnforcementResponse,
  FeedbackResponse,
  IssuedKeyResponse,
  KEY_ENFORCEMENT_REASON_LABELS,
  PolicyResponse,
  PortalApplicationResponse,
  ReviewState,
  updateApplicationSchema,
} from '../contracts';
import type { BulkOutcome, DecisionOutcome } from './review.service';
import { RiskTier } from './risk-tier';

/** What staff may sort and filter policies by; the repository maps each name to SQL. */
export const POLICY_LIST = listContract({
  resource: 'policies',
  sortable: ['id', 'applicationName', 'applicationStatus'],
  defaultSort: { field: 'applicationName', order: 'ASC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    organizationId: { kind: 'values', type: 'uuid' },
    applicationStatus: { kind: 'values', type: 'text', allowed: Object.values(ApplicationStatus) },
    q: { kind: 'text' },
  },
});
export type PolicySortField = (typeof POLICY_LIST.sortable)[number];
export type PolicyFilterField = keyof typeof POLICY_LIST.filters;

/** What staff may sort and filter applications by; the repository maps each name to SQL. */
export const APPLICATION_LIST = listContract({
  resource: 'applications',
  sortable: [
    'id',
    'name',
    'organizationName',
    'status',
    'reviewState',
    'riskTier',
    'submittedAt',
    'reReviewAt',
    'createdAt',
    'updatedAt',
  ],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    organizationId: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: Object.values(ApplicationStatus) },
    reviewState: { kind: 'values', type: 'text', allowed: Object.values(ReviewState) },
    riskTier: { kind: 'values', type: 'text', allowed: Object.values(RiskTier) },
    kind: { kind: 'values', type: 'text', allowed: APPLICATION_KINDS },
    q: { kind: 'text' },
  },
});
export type ApplicationSortField = (typeof APPLICATION_LIST.sortable)[number];
export type ApplicationFilterField = keyof typeof APPLICATION_LIST.filters;

export {
  applySchema,
  updateApplicationSchema,
  type AdminApplicationResponse,
  type AppliedResponse,
  type BulkDecisionResponse,
  type DecisionResponse,
  type DecisionResultResponse,
  type EnforcementResponse,
  type FeedbackResponse,
  type IssuedKeyResponse,
  type PortalApplicationResponse,
  type ClassifierThresholdsResponse,
  type PolicyResponse,
};

export function toDecisionResponse(decision: ApplicationDecisionEntity): DecisionResponse {
  return {
    id: decision.id,
    decision: decision.decision,
    reviewerId: decision.reviewerId,
    reviewerEmail: decision.reviewerEmail,
    checklist: decision.checklist,
    rationale: decision.rationale,
    reReviewAt: decision.reReviewAt?.toISOString() ?? null,
    fromReviewState: decision.fromReviewState,
    toReviewState: decision.toReviewState,
    fromStatus: decision.fromStatus,
    toStatus: decision.toStatus,
    at: decision.createdAt.toISOString(),
  };
}

export function toAdminApplicationResponse(
  row: ApplicationRow,
  decisions?: ApplicationDecisionEntity[],
): AdminApplicationResponse {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    status: row.status,
    kind: row.kind,
    reviewState: row.reviewState,
    riskTier: row.riskTier,
    riskReasons: row.riskReasons,
    questionnaire: row.questionnaire,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reReviewAt: row.reReviewAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    enforcement: toEnforcementResponse(row),
    ...(decisions ? { decisions: decisions.map(toDecisionResponse) } : {}),
  };
}

export function toIssuedKeyResponse(issued: IssuedApplicationKey): IssuedKeyResponse {
  return {
    id: issued.key.id,
    name: issued.key.name,
    prefix: issued.key.prefix,
    kind: issued.key.kind,
    secret: issued.secret,
  };
}

export function toDecisionResultResponse(outcome: DecisionOutcome): DecisionResultResponse {
  return toAdminApplicationResponse(outcome.application, outcome.decisions);
}

/** Each refused decision answers with the status its error would have had alone. */
export function toBulkDecisionResponse(outcomes: BulkOutcome[], errors: ErrorCatalog): BulkDecisionResponse {
  return {
    succeeded: outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.id),
    failed: outcomes.flatMap((outcome) =>
      outcome.ok
        ? []
        : [
            {
              id: outcome.id,
              statusCode: errors.statusOf(outcome.error),
              code: outcome.error.code,
              message: outcome.error.message,
            },
          ],
    ),
    applications: outcomes.flatMap((outcome) =>
      outcome.ok ? [toDecisionResultResponse(outcome.outcome)] : [],
    ),
  };
}

export function toFeedbackResponse(decision: ApplicationDecisionEntity): FeedbackResponse {
  return {
    decision: decision.decision,
    rationale: decision.rationale,
    reReviewAt: decision.reReviewAt?.toISOString() ?? null,
    at: decision.createdAt.toISOString(),
  };
}

export function toPortalApplicationResponse(
  application: ApplicationEntity,
  decisions?: ApplicationDecisionEntity[],
): PortalApplicationResponse {
  return {
    id: application.id,
    name: application.name,
    status: application.status,
    reviewState: application.reviewState,
    questionnaire: application.questionnaire,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    ...(decisions ? { feedback: decisions.map(toFeedbackResponse) } : {}),
    enforcement: toEnforcementResponse(application),
  };
}

export function toEnforcementResponse(
  application: Pick<ApplicationEntity, 'enforcedAt' | 'enforcementCategory' | 'enforcementReason'>,
): EnforcementResponse | null {
  if (!application.enforcedAt) {
    return null;
  }
  const category = application.enforcementCategory;
  return {
    since: application.enforcedAt.toISOString(),
    category,
    explanation:
      `Staff acted on one of this application's keys because of ${category ? KEY_ENFORCEMENT_REASON_LABELS[category] : 'a staff decision'}; ` +
      'new keys are frozen until staff review the application and lift the enforcement.',
    reason: application.enforcementReason,
  };
}

export function toAppliedResponse(
  application: ApplicationEntity,
  sandboxKey: IssuedApplicationKey,
): AppliedResponse {
  return { ...toPortalApplicationResponse(application), sandboxKey: toIssuedKeyResponse(sandboxKey) };
}

export function toPolicyResponse(policy: ApplicationPolicy): PolicyResponse {
  return {
    id: policy.applicationId,
    applicationName: policy.applicationName,
    applicationStatus: policy.applicationStatus,
    rules: policy.rules,
    patch: policy.patch,
    effective: policy.effective,
  };
}

export function toClassifierThresholdsResponse(defaults: ClassifierDefaults): ClassifierThresholdsResponse {
  return {
    classifier: defaults.classifier,
    sentenceMargin: defaults.sentenceMargin,
    liveScale: defaults.liveScale,
    sandboxScale: defaults.sandboxScale,
    categories: defaults.categories.map(({ category, calibrated, live, sandbox }) => ({
      category,
      calibrated,
      live,
      sandbox,
    })),
  };
}

/**
 * The body of `PUT /admin/policies/:id` is a patch. react-admin's edit form sends the whole record instead; its
 * `patch` field is then the patch.
 */
export function policyChange(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && 'patch' in body && 'rules' in body) {
    return (body as { patch: unknown }).patch;
  }
  return body;
}
