/** Calibration from labels, policy proposals and their shadow replays: what the server and the console share. */
export const ReplayStatus = {
  Queued: 'queued',
  Running: 'running',
  Completed: 'completed',
  Failed: 'failed',
} as const;
export type ReplayStatus = (typeof ReplayStatus)[keyof typeof ReplayStatus];

export const ProposalStatus = {
  Draft: 'draft',
  Applied: 'applied',
} as const;
export type ProposalStatus = (typeof ProposalStatus)[keyof typeof ProposalStatus];
export const PROPOSAL_STATUSES = Object.values(ProposalStatus);

/** One point of a precision/recall curve: what flagging every item scoring at or above `threshold` would give. */
export interface CurvePoint {
  threshold: number;
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
}

/** Why no threshold was chosen for a check and category. */
export const NoThresholdReason = {
  /** No labeled item is a positive: recall is undefined. */
  NoPositives: 'no_positives',
  /** No threshold reaches the precision target. */
  TargetUnreachable: 'target_unreachable',
} as const;
export type NoThresholdReason = (typeof NoThresholdReason)[keyof typeof NoThresholdReason];

export interface CalibrationRow {
  check: string;
  category: string;
  labeledItems: number;
  positives: number;
  curve: CurvePoint[];
  /** The chosen threshold, or null with `reason`. */
  chosen: CurvePoint | null;
  reason: NoThresholdReason | null;
  /** Logged calls of the scope in the traffic window: how many crossed the threshold they were held to, and the new one. */
  volume: { calls: number; crossingOld: number; crossingNew: number | null };
}

/** Counts of one replay: calls whose outcome would change under the proposed policy, overall and per category. */
export interface ReplayExample {
  requestId: string;
  snippet: string;
  categories: string[];
}

export interface ReplayDiff {
  replayed: number;
  /** Calls whose stored prompt could not be re-checked (token-id prompts). */
  skipped: number;
  newlyBlocked: number;
  newlyAllowed: number;
  newlyFlagged: number;
  noLongerFlagged: number;
  perCategory: Array<{
    category: string;
    newlyBlocked: number;
    newlyAllowed: number;
    newlyFlagged: number;
    noLongerFlagged: number;
  }>;
  examples: {
    newlyBlocked: ReplayExample[];
    newlyAllowed: ReplayExample[];
    newlyFlagged: ReplayExample[];
    noLongerFlagged: ReplayExample[];
  };
}
