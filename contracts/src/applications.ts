import { z } from 'zod';
import { ApiKeyKind, API_KEY_KINDS, KEY_ENFORCEMENT_REASONS } from './api-keys';
import { APPLICATION_KINDS, RESEARCH_CHECKLIST_ITEMS, ResearchChecklistItem } from './research';
import { timestamp } from './shapes';
import { questionnaireTopicFields } from './topicality';

/** How an application is served: sandbox until approved, live on approval, suspended, terminated (final). */
export const ApplicationStatus = {
  Sandbox: 'sandbox',
  Live: 'live',
  Suspended: 'suspended',
  Terminated: 'terminated',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
export const APPLICATION_STATUSES = Object.values(ApplicationStatus);

/** Where an application is in its production review; `status` says how it is served. */
export const ReviewState = {
  Draft: 'draft',
  Submitted: 'submitted',
  InReview: 'in_review',
  Approved: 'approved',
  ChangesRequested: 'changes_requested',
  Rejected: 'rejected',
} as const;
export type ReviewState = (typeof ReviewState)[keyof typeof ReviewState];
export const REVIEW_STATES = Object.values(ReviewState);

export const Decision = {
  StartReview: 'start_review',
  Approve: 'approve',
  RequestChanges: 'request_changes',
  Reject: 'reject',
  Suspend: 'suspend',
  Reinstate: 'reinstate',
  Terminate: 'terminate',
} as const;
export type Decision = (typeof Decision)[keyof typeof Decision];
export const DECISIONS = Object.values(Decision);

export interface WorkflowState {
  reviewState: ReviewState;
  status: ApplicationStatus;
}

/**
 * The review state machine. Developers submit (draft or changes_requested → submitted); staff decide:
 *
 *   submitted --start_review--> in_review --approve--> approved (sandbox → live)
 *                                         --request_changes--> changes_requested
 *                                         --reject--> rejected
 *   live --suspend--> suspended --reinstate--> live
 *   anything but terminated --terminate--> terminated (final: nothing leaves it)
 *
 * No state is skipped: every decision names the one state it starts from.
 */
export const REVIEW_TRANSITIONS: Record<Decision, (state: WorkflowState) => WorkflowState | null> = {
  [Decision.StartReview]: (s) =>
    s.reviewState === ReviewState.Submitted && s.status === ApplicationStatus.Sandbox
      ? { ...s, reviewState: ReviewState.InReview }
      : null,
  [Decision.Approve]: (s) =>
    s.reviewState === ReviewState.InReview && s.status === ApplicationStatus.Sandbox
      ? { reviewState: ReviewState.Approved, status: ApplicationStatus.Live }
      : null,
  [Decision.RequestChanges]: (s) =>
    s.reviewState === ReviewState.InReview && s.status === ApplicationStatus.Sandbox
      ? { ...s, reviewState: ReviewState.ChangesRequested }
      : null,
  [Decision.Reject]: (s) =>
    s.reviewState === ReviewState.InReview && s.status === ApplicationStatus.Sandbox
      ? { ...s, reviewState: ReviewState.Rejected }
      : null,
  [Decision.Suspend]: (s) =>
    s.status === ApplicationStatus.Live ? { ...s, status: ApplicationStatus.Suspended } : null,
  [Decision.Reinstate]: (s) =>
    s.status === ApplicationStatus.Suspended ? { ...s, status: ApplicationStatus.Live } : null,
  [Decision.Terminate]: (s) =>
    s.status !== ApplicationStatus.Terminated ? { ...s, status: ApplicationStatus.Terminated } : null,
};

export function decide(state: WorkflowState, decision: Decision): WorkflowState | null {
  return REVIEW_TRANSITIONS[decision](state);
}

/** The decisions open to staff from a state: what the console offers is what the server accepts. */
export function availableDecisions(state: WorkflowState): Decision[] {
  return DECISIONS.filter((decision) => decide(state, decision) !== null);
}

/** What a reviewer attests before approving; every item must be answered, and answered yes. */
export const CHECKLIST_ITEMS = [
  'useCaseAcceptable',
  'mitigationsAdequate',
  'userAuthenticationOk',
  'volumeReasonable',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
/** A research application's decision carries the research checklist in the same field. */
export type Checklist = Partial<Record<ChecklistItem | ResearchChecklistItem, boolean>>;

export const CHECKLIST_LABELS: Record<ChecklistItem, string> = {
  useCaseAcceptable: 'The use case is acceptable under the usage policy',
  mitigationsAdequate: 'Misuse mitigations are adequate for the risk tier',
  userAuthenticationOk: 'End users are identified or authenticated as the use case needs',
  volumeReasonable: 'The expected volume is reasonable for the use case',
};

/** Items an approval cannot go ahead without: unanswered or answered no. Other decisions need none. */
export function missingChecklistItems(decision: Decision, checklist: Checklist): ChecklistItem[] {
  return decision === Decision.Approve ? CHECKLIST_ITEMS.filter((item) => checklist[item] !== true) : [];
}

export const checklistSchema = z
  .strictObject(
    Object.fromEntries(
      [...CHECKLIST_ITEMS, ...RESEARCH_CHECKLIST_ITEMS].map((item) => [item, z.boolean().optional()]),
    ) as Record<ChecklistItem | ResearchChecklistItem, z.ZodOptional<z.ZodBoolean>>,
  )
  .default({});

const rationale = z.string().trim().min(1, 'a decision needs a rationale').max(10_000);
const futureDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .nullable()
  .optional()
  .transform((value) => (value ? new Date(value) : null));

/** `POST /admin/applications/:id/decisions`. */
export const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  rationale,
  checklist: checklistSchema,
  reReviewAt: futureDate,
});
export type DecisionInput = z.input<typeof decisionSchema>;

/** `POST /admin/applications/bulk-decisions`. */
export const bulkDecisionSchema = decisionSchema.extend({ ids: z.array(z.uuid()).min(1).max(100) });

/** `POST /admin/applications/:id/lift-enforcement`: staff reviewed the application after acting on its keys. */
export const liftEnforcementSchema = z.object({
  reason: z.string().trim().min(1, 'say what the review found').max(2000),
});

/** The risk tier the questionnaire puts an application in (server/src/applications/risk-tier.ts). */
export const RiskTier = { Low: 'low', Medium: 'medium', High: 'high' } as const;
export type RiskTier = (typeof RiskTier)[keyof typeof RiskTier];
export const RISK_TIERS = Object.values(RiskTier);

/** The production-review questionnaire a developer fills for each application. */
export const UseCaseCategory = {
  Copywriting: 'copywriting',
  CustomerSupport: 'customer-support',
  Education: 'education',
  Productivity: 'productivity',
  Search: 'search',
  Classification: 'classification',
  Summarization: 'summarization',
  Translation: 'translation',
  Code: 'code',
  CreativeWriting: 'creative-writing',
  Chat: 'chat',
  Health: 'health',
  Legal: 'legal',
  Finance: 'finance',
  Politics: 'politics',
  Other: 'other',
} as const;
export type UseCaseCategory = (typeof UseCaseCategory)[keyof typeof UseCaseCategory];
export const USE_CASE_CATEGORIES = Object.values(UseCaseCategory);

/** How open-ended the output is: from a fixed set of answers to free-form text. */
export const OpenEndedness = { Constrained: 'constrained', Mixed: 'mixed', FreeForm: 'free-form' } as const;
export type OpenEndedness = (typeof OpenEndedness)[keyof typeof OpenEndedness];
export const OPEN_ENDEDNESS_LEVELS = Object.values(OpenEndedness);

/** Expected end users: internal staff only, < 1,000, < 100,000, or 100,000 and more / the general public. */
export const AudienceSize = {
  Internal: 'internal',
  Small: 'small',
  Medium: 'medium',
  Large: 'large',
} as const;
export type AudienceSize = (typeof AudienceSize)[keyof typeof AudienceSize];
export const AUDIENCE_SIZES = Object.values(AudienceSize);

export const questionnaireSchema = z.object({
  useCaseCategory: z.enum(USE_CASE_CATEGORIES),
  useCaseDescription: z.string().trim().min(20, 'describe the use case in at least 20 characters').max(5000),
  openEndedness: z.enum(OPEN_ENDEDNESS_LEVELS),
  /** Who the end users are. */
  endUsers: z.string().trim().min(3).max(2000),
  audienceSize: z.enum(AUDIENCE_SIZES),
  /** Whether a person reviews outputs before they reach end users. */
  humanInTheLoop: z.boolean(),
  /** Whether end users sign in before they reach the API through the application. */
  endUserAuthentication: z.boolean(),
  /** How misuse will be detected and handled. */
  misuseHandling: z
    .string()
    .trim()
    .min(20, 'describe misuse detection and handling in at least 20 characters')
    .max(5000),
  /** Intended prompt length, in tokens. */
  inputLength: z.number().int().min(1).max(1_000_000),
  /** Intended completion length, in tokens. */
  outputLength: z.number().int().min(1).max(1_000_000),
  /** Expected requests per day. */
  expectedVolume: z.number().int().min(0).max(1_000_000_000),
  /** Example prompts, allowed and forbidden topics: what the application's topic model is built from on approval. */
  ...questionnaireTopicFields,
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

const applicationName = z.string().trim().min(1).max(200);

/** `POST /portal/applications`. */
export const applySchema = z.object({ name: applicationName, questionnaire: questionnaireSchema });
/** `PATCH /portal/applications/:id` (a draft or an application with changes requested). */
export const updateApplicationSchema = z.object({
  name: applicationName.optional(),
  questionnaire: questionnaireSchema.optional(),
});

/** Response shapes of `/admin/applications` and `/portal/applications`. */
export const decisionResponseSchema = z.strictObject({
  id: z.uuid(),
  decision: z.enum(DECISIONS),
  reviewerId: z.uuid().nullable(),
  reviewerEmail: z.string(),
  checklist: z.record(z.string(), z.boolean()),
  rationale: z.string(),
  reReviewAt: timestamp.nullable(),
  fromReviewState: z.enum(REVIEW_STATES),
  toReviewState: z.enum(REVIEW_STATES),
  fromStatus: z.enum(APPLICATION_STATUSES),
  toStatus: z.enum(APPLICATION_STATUSES),
  at: timestamp,
});
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

/** Set while staff action on one of an application's keys freezes new keys for its developers. */
export const enforcementResponseSchema = z.strictObject({
  since: timestamp,
  category: z.enum(KEY_ENFORCEMENT_REASONS).nullable(),
  /** The category in words, e.g. "a suspected key compromise". */
  explanation: z.string().min(1),
  reason: z.string().nullable(),
});
export type EnforcementResponse = z.infer<typeof enforcementResponseSchema>;

export const adminApplicationResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** `research`: its questionnaire and grant are at /admin/research-grants (the grant's id is the application's). */
  kind: z.enum(APPLICATION_KINDS),
  reviewState: z.enum(REVIEW_STATES),
  riskTier: z.enum(RISK_TIERS).nullable(),
  riskReasons: z.array(z.string()),
  questionnaire: questionnaireSchema.nullable(),
  submittedAt: timestamp.nullable(),
  reReviewAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Only on the answers that show one application. */
  decisions: z.array(decisionResponseSchema).optional(),
  enforcement: enforcementResponseSchema.nullable(),
});
export type AdminApplicationResponse = z.infer<typeof adminApplicationResponseSchema>;

/** A key as issued: the only answer that ever carries its secret. */
export const issuedKeyResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  kind: z.enum(API_KEY_KINDS),
  secret: z.string().min(1),
});
export type IssuedKeyResponse = z.infer<typeof issuedKeyResponseSchema> & { kind: ApiKeyKind };

/**
 * The answer to a decision: the application as it now is. An approval carries no key: staff never see a production
 * secret; the developer creates production keys in the portal.
 */
export const decisionResultResponseSchema = adminApplicationResponseSchema;
export type DecisionResultResponse = z.infer<typeof decisionResultResponseSchema>;

export const bulkDecisionResponseSchema = z.strictObject({
  succeeded: z.array(z.uuid()),
  failed: z.array(
    z.strictObject({ id: z.uuid(), statusCode: z.number().int(), code: z.string(), message: z.string() }),
  ),
  applications: z.array(decisionResultResponseSchema),
});
export type BulkDecisionResponse = z.infer<typeof bulkDecisionResponseSchema>;

/** What a developer sees of a staff decision: the outcome and the feedback, not who decided. */
export const feedbackResponseSchema = z.strictObject({
  decision: z.enum(DECISIONS),
  rationale: z.string(),
  reReviewAt: timestamp.nullable(),
  at: timestamp,
});
export type FeedbackResponse = z.infer<typeof feedbackResponseSchema>;

export const portalApplicationResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  reviewState: z.enum(REVIEW_STATES),
  questionnaire: questionnaireSchema.nullable(),
  submittedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  feedback: z.array(feedbackResponseSchema).optional(),
  /** The developer sees why new keys are frozen. */
  enforcement: enforcementResponseSchema.nullable(),
});
export type PortalApplicationResponse = z.infer<typeof portalApplicationResponseSchema>;

/** `POST /portal/applications`: the application and its sandbox key. */
export const appliedResponseSchema = portalApplicationResponseSchema.extend({
  sandboxKey: issuedKeyResponseSchema,
});
export type AppliedResponse = z.infer<typeof appliedResponseSchema>;
