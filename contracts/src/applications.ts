import { z } from 'zod';
import { RESEARCH_CHECKLIST_ITEMS, ResearchChecklistItem } from './research';

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
