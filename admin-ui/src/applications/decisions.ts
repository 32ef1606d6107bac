import {
  availableDecisions as contractDecisions,
  CHECKLIST_ITEMS as CONTRACT_CHECKLIST,
  CHECKLIST_LABELS,
  RESEARCH_CHECKLIST_ITEMS as CONTRACT_RESEARCH_CHECKLIST,
  RESEARCH_CHECKLIST_LABELS,
} from '@warden/contracts';
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

/** The decisions the server's state machine accepts from this state (the contract's transition table). */
export function availableDecisions(reviewState: ReviewState, status: ApplicationStatus): DecisionKind[] {
  return contractDecisions({ reviewState, status });
}

/** The contract's checklist, in its order, with its labels: what the server requires for an approval. */
export const CHECKLIST_ITEMS = CONTRACT_CHECKLIST.map((key) => ({ key, label: CHECKLIST_LABELS[key] }));
/** A research application is approved against its own checklist. */
export const RESEARCH_CHECKLIST_ITEMS = CONTRACT_RESEARCH_CHECKLIST.map((key) => ({
  key,
  label: RESEARCH_CHECKLIST_LABELS[key],
}));
