import { z } from 'zod';
import { share, tally, timestamp } from './shapes';

/** Calibration from labels, policy proposals and their shadow replays: what the server and the console share. */
export const ReplayStatus = {
  Queued: 'queued',
  Running: 'running',
  Completed: 'completed',
  Failed: 'failed',
} as const;
export type ReplayStatus = (typeof ReplayStatus)[keyof typeof ReplayStatus];
export const REPLAY_STATUSES = Object.values(ReplayStatus);

export const ProposalStatus = {
  Draft: 'draft',
  Applied: 'applied',
} as const;
export type ProposalStatus = (typeof ProposalStatus)[keyof typeof ProposalStatus];
export const PROPOSAL_STATUSES = Object.values(ProposalStatus);

/** One point of a precision/recall curve: what flagging every item scoring at or above `threshold` would give. */
export const curvePointSchema = z.strictObject({
  threshold: share,
  precision: share,
  recall: share,
  truePositives: tally,
  falsePositives: tally,
});
export type CurvePoint = z.infer<typeof curvePointSchema>;

/** Why no threshold was chosen for a check and category. */
export const NoThresholdReason = {
  /** No labeled item is a positive: recall is undefined. */
  NoPositives: 'no_positives',
  /** No threshold reaches the precision target. */
  TargetUnreachable: 'target_unreachable',
} as const;
export type NoThresholdReason = (typeof NoThresholdReason)[keyof typeof NoThresholdReason];
export const NO_THRESHOLD_REASONS = Object.values(NoThresholdReason);

export const calibrationRowSchema = z.strictObject({
  check: z.string(),
  category: z.string(),
  labeledItems: tally,
  positives: tally,
  curve: z.array(curvePointSchema),
  /** The chosen threshold, or null with `reason`. */
  chosen: curvePointSchema.nullable(),
  reason: z.enum(NO_THRESHOLD_REASONS).nullable(),
  /** Logged calls of the scope in the traffic window: how many crossed the threshold they were held to, and the new one. */
  volume: z.strictObject({ calls: tally, crossingOld: tally, crossingNew: tally.nullable() }),
});
export type CalibrationRow = z.infer<typeof calibrationRowSchema>;

/** `/admin/calibrations`: thresholds chosen from a label queue's judgments for a precision target. */
export const calibrationResponseSchema = z.strictObject({
  id: z.uuid(),
  queueId: z.uuid().nullable(),
  applicationId: z.uuid().nullable(),
  precisionTarget: z.number().gt(0).max(1),
  checks: z.array(z.string()),
  trafficDays: z.number().int().min(1),
  labeledItems: tally,
  rows: z.array(calibrationRowSchema),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
});
export type CalibrationResponse = z.infer<typeof calibrationResponseSchema>;

/** A call whose outcome a replay would change. */
export const replayExampleSchema = z.strictObject({
  requestId: z.string(),
  snippet: z.string(),
  categories: z.array(z.string()),
});
export type ReplayExample = z.infer<typeof replayExampleSchema>;

const outcomeChanges = {
  newlyBlocked: tally,
  newlyAllowed: tally,
  newlyFlagged: tally,
  noLongerFlagged: tally,
};
const examples = z.array(replayExampleSchema);

/** Counts of one replay: calls whose outcome would change under the proposed policy, overall and per category. */
export const replayDiffSchema = z.strictObject({
  replayed: tally,
  /** Calls whose stored prompt could not be re-checked (token-id prompts). */
  skipped: tally,
  ...outcomeChanges,
  perCategory: z.array(z.strictObject({ category: z.string(), ...outcomeChanges })),
  examples: z.strictObject({
    newlyBlocked: examples,
    newlyAllowed: examples,
    newlyFlagged: examples,
    noLongerFlagged: examples,
  }),
});
export type ReplayDiff = z.infer<typeof replayDiffSchema>;

/** A shadow replay of a proposal over a window of logged traffic. */
export const replayResponseSchema = z.strictObject({
  id: z.uuid(),
  proposalId: z.uuid(),
  from: timestamp,
  to: timestamp,
  status: z.enum(REPLAY_STATUSES),
  policyVersion: z.number().int().min(0),
  progress: z.strictObject({ done: tally, total: tally, percent: z.number().int().min(0).max(100) }),
  result: replayDiffSchema.nullable(),
  error: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});
export type ReplayResponse = z.infer<typeof replayResponseSchema>;

/** `/admin/policy-proposals`: a policy patch (from a calibration or by hand) and its latest replay. */
export const proposalResponseSchema = z.strictObject({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationName: z.string(),
  calibrationId: z.uuid().nullable(),
  patch: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  appliedBy: z.string().nullable(),
  appliedAt: timestamp.nullable(),
  latestReplay: replayResponseSchema.nullable(),
});
export type ProposalResponse = z.infer<typeof proposalResponseSchema>;
