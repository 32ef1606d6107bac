import { ApplicationStatus } from './application.entity';

/** Where an application is in its production review; `status` says how it is served. */
export enum ReviewState {
  Draft = 'draft',
  Submitted = 'submitted',
  InReview = 'in_review',
  Approved = 'approved',
  ChangesRequested = 'changes_requested',
  Rejected = 'rejected',
}

export enum Decision {
  StartReview = 'start_review',
  Approve = 'approve',
  RequestChanges = 'request_changes',
  Reject = 'reject',
  Suspend = 'suspend',
  Reinstate = 'reinstate',
  Terminate = 'terminate',
}

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
const TRANSITIONS: Record<Decision, (state: WorkflowState) => WorkflowState | null> = {
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
  return TRANSITIONS[decision](state);
}

/** Developers may edit the questionnaire and submit only before review or when changes were requested. */
export function isEditableByDeveloper(state: WorkflowState): boolean {
  return (
    state.status === ApplicationStatus.Sandbox &&
    (state.reviewState === ReviewState.Draft || state.reviewState === ReviewState.ChangesRequested)
  );
}

export function submit(state: WorkflowState): WorkflowState | null {
  return isEditableByDeveloper(state) ? { ...state, reviewState: ReviewState.Submitted } : null;
}

/**
 * Decisions that shape or grant access. A staff member who holds a developer account (same e-mail address) in the
 * application's organization may not take them: that is self-review. Suspending and terminating only take access
 * away, so anyone with the permission may.
 */
export const CONFLICTED_DECISIONS: readonly Decision[] = [
  Decision.StartReview,
  Decision.Approve,
  Decision.RequestChanges,
  Decision.Reject,
  Decision.Reinstate,
];

/** An approval attests the checklist: an item explicitly left unchecked blocks it. */
export function uncheckedItems(decision: Decision, checklist: Record<string, boolean>): string[] {
  return decision === Decision.Approve
    ? Object.entries(checklist)
        .filter(([, checked]) => !checked)
        .map(([item]) => item)
    : [];
}
