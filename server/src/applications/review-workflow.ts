import { ApplicationStatus, Decision, ReviewState, WorkflowState } from '../contracts';

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
