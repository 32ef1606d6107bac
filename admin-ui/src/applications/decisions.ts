import type { ApplicationStatus, DecisionKind, ReviewState } from '../types';

export interface DecisionSpec {
  label: string;
  /** Title of the confirmation dialog. */
  title: string;
  color: 'primary' | 'success' | 'warning' | 'error' | 'inherit';
  /** Whether the reviewer fills the checklist for this decision. */
  checklist: boolean;
  /** Whether the decision can carry a re-review date. */
  reReview: boolean;
  /** Only an approval requires every checklist item to hold. */
  requireFullChecklist?: boolean;
}

export const DECISION_SPECS: Record<DecisionKind, DecisionSpec> = {
  start_review: {
    label: 'Start review',
    title: 'Start the production review',
    color: 'primary',
    checklist: false,
    reReview: false,
  },
  approve: {
    label: 'Approve',
    title: 'Approve for production',
    color: 'success',
    checklist: true,
    reReview: true,
    requireFullChecklist: true,
  },
  request_changes: {
    label: 'Request changes',
    title: 'Request changes',
    color: 'warning',
    checklist: true,
    reReview: false,
  },
  reject: {
    label: 'Reject',
    title: 'Reject the application',
    color: 'error',
    checklist: true,
    reReview: false,
  },
  suspend: {
    label: 'Suspend',
    title: 'Suspend the application',
    color: 'warning',
    checklist: false,
    reReview: true,
  },
  reinstate: {
    label: 'Reinstate',
    title: 'Reinstate the application',
    color: 'success',
    checklist: false,
    reReview: true,
  },
  terminate: {
    label: 'Terminate',
    title: 'Terminate the application',
    color: 'error',
    checklist: false,
    reReview: false,
  },
};

/**
 * The decisions the workflow allows, mirroring the server's state machine: a submitted sandbox application can be
 * taken into review; one in review approved, sent back or rejected; a live one suspended, a suspended one
 * reinstated; anything not yet terminated terminated.
 */
export function availableDecisions(reviewState: ReviewState, status: ApplicationStatus): DecisionKind[] {
  const decisions: DecisionKind[] = [];
  if (status === 'sandbox' && reviewState === 'submitted') decisions.push('start_review');
  if (status === 'sandbox' && reviewState === 'in_review')
    decisions.push('approve', 'request_changes', 'reject');
  if (status === 'live') decisions.push('suspend');
  if (status === 'suspended') decisions.push('reinstate');
  if (status !== 'terminated') decisions.push('terminate');
  return decisions;
}

export const CHECKLIST_ITEMS = [
  { key: 'useCaseAcceptable', label: 'The use case is acceptable under the usage guidelines' },
  { key: 'mitigationsAdequate', label: 'Misuse detection and mitigations are adequate' },
  { key: 'userAuthenticationOk', label: 'End users are authenticated (or the risk is acceptable)' },
  { key: 'volumeReasonable', label: 'The expected volume is reasonable for the tier' },
] as const;
