import { z } from 'zod';
import { DIRECTIONS, MODERATION_ACTIONS } from './moderation';
import { share, tally, timestamp } from './shapes';

/** Who gave a label: the application's developer, one of its end users (through the developer), or staff. */
export const LabelSource = {
  Developer: 'developer',
  EndUser: 'end_user',
  Staff: 'staff',
} as const;
export type LabelSource = (typeof LabelSource)[keyof typeof LabelSource];
export const LABEL_SOURCES = Object.values(LabelSource);

export const LabelRating = { Good: 'good', Bad: 'bad' } as const;
export type LabelRating = (typeof LabelRating)[keyof typeof LabelRating];

/** How a labeling queue picks its items from the calls its filter matches (sampled once, at creation). */
export const SamplingRule = {
  /** Calls with a triggered flag/redact/hold/block verdict. */
  Flagged: 'flagged',
  /** Calls whose score in one category lies within a band around that category's effective threshold. */
  NearThreshold: 'near_threshold',
  /** A seeded random sample: the same seed over the same calls picks the same items. */
  Uniform: 'uniform',
  /** Calls a developer rated bad, or labeled with categories other than the ones the verdict triggered. */
  DeveloperDisputed: 'developer_disputed',
  /** Calls an end user labeled (through the developer's `POST /v1/feedback` with `user`). */
  EndUserReports: 'end_user_reports',
} as const;
export type SamplingRule = (typeof SamplingRule)[keyof typeof SamplingRule];
export const SAMPLING_RULES = Object.values(SamplingRule);

export const QueueStatus = { Open: 'open', Closed: 'closed' } as const;
export type QueueStatus = (typeof QueueStatus)[keyof typeof QueueStatus];
export const QUEUE_STATUSES = Object.values(QueueStatus);

export const ExportFormat = {
  /** The JSONL `tools/moderation-classifier` reads (openai-moderation-dev's samples format). */
  Moderation: 'moderation',
  /** OpenAI's `{"prompt","completion"}` fine-tuning lines, for calls rated good. */
  FineTuning: 'fine-tuning',
} as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
export const EXPORT_FORMATS = Object.values(ExportFormat);

export const samplingSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal(SamplingRule.Flagged) }).strict(),
  z
    .object({
      rule: z.literal(SamplingRule.NearThreshold),
      category: z.string().min(1),
      /** Half-width of the band: scores in [threshold - band, threshold + band] are sampled. */
      band: z.number().gt(0).max(1),
    })
    .strict(),
  z
    .object({ rule: z.literal(SamplingRule.Uniform), seed: z.number().int().min(0).max(2_147_483_647) })
    .strict(),
  z.object({ rule: z.literal(SamplingRule.DeveloperDisputed) }).strict(),
  z.object({ rule: z.literal(SamplingRule.EndUserReports) }).strict(),
]);
export type Sampling = z.infer<typeof samplingSchema>;

export const createLabelQueueSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** A request-log filter: the names `/admin/request-logs` accepts. */
    filter: z.record(z.string(), z.unknown()).default({}),
    sampling: samplingSchema,
    targetSize: z.number().int().min(1).max(10_000),
    labelsPerItem: z.union([z.literal(1), z.literal(2)]).default(1),
  })
  .strict();
export type CreateLabelQueue = z.infer<typeof createLabelQueueSchema>;

const comment = z.string().max(4000).optional();

/** A labeler's judgment of one queue item: the truth per category, or a skip. */
export const queueLabelSchema = z.union([
  z.object({ skip: z.literal(true), comment }).strict(),
  z
    .object({
      skip: z.literal(false).optional(),
      categories: z.record(z.string(), z.boolean()),
      falsePositive: z.boolean().optional(),
      rating: z.enum([LabelRating.Good, LabelRating.Bad]).optional(),
      comment,
    })
    .strict(),
]);
export type QueueLabel = z.infer<typeof queueLabelSchema>;

/** A staff label on any logged call, outside a queue (e.g. "this verdict was wrong"). */
export const staffLabelSchema = z
  .object({
    requestId: z.string().min(1).max(200),
    categories: z.record(z.string(), z.boolean()).default({}),
    falsePositive: z.boolean().default(false),
    rating: z.enum([LabelRating.Good, LabelRating.Bad]).optional(),
    comment,
  })
  .strict();
export type StaffLabel = z.infer<typeof staffLabelSchema>;

/** Agreement of the two labelers of doubly-labeled items, per category. */
export const categoryAgreementSchema = z.strictObject({
  category: z.string(),
  /** Items both labelers judged in this category. */
  items: tally,
  /** Share of those items where they agreed. */
  observed: share,
  /** Cohen's kappa; null when it is undefined (fewer than one item, or chance agreement is 1). */
  kappa: z.number().min(-1).max(1).nullable(),
});
export type CategoryAgreement = z.infer<typeof categoryAgreementSchema>;

export const queueProgressSchema = z.strictObject({
  items: tally,
  /** Items with every label the queue asks for. */
  completed: tally,
  labels: tally,
  skipped: tally,
});
export type QueueProgress = z.infer<typeof queueProgressSchema>;

/** `/admin/label-queues`: a queue, its progress, and (on show only) the labelers' agreement. */
export const labelQueueResponseSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  /** A request-log filter: the names `/admin/request-logs` accepts. */
  filter: z.record(z.string(), z.unknown()),
  sampling: samplingSchema,
  targetSize: z.number().int().min(1),
  labelsPerItem: z.union([z.literal(1), z.literal(2)]),
  status: z.enum(QUEUE_STATUSES),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  progress: queueProgressSchema,
  agreement: z.array(categoryAgreementSchema).optional(),
});
export type LabelQueueResponse = z.infer<typeof labelQueueResponseSchema>;

/** A verdict of the call being labeled, as logged with it. */
export const itemVerdictSchema = z.strictObject({
  check: z.string(),
  category: z.string(),
  direction: z.enum(DIRECTIONS),
  score: z.number(),
  threshold: z.number().nullable(),
  triggered: z.boolean(),
  action: z.enum(MODERATION_ACTIONS).nullable(),
});
export type ItemVerdict = z.infer<typeof itemVerdictSchema>;

/** `GET /admin/label-queues/:id/next`: the labeler's next item and what they judge it by. */
export const queueItemResponseSchema = z.strictObject({
  queueId: z.uuid(),
  requestId: z.string(),
  position: tally,
  /** Items left for this labeler, this one included. */
  remaining: z.number().int().min(1),
  createdAt: timestamp,
  endpoint: z.string().startsWith('/v1/'),
  model: z.string().nullable(),
  prompt: z.string().nullable(),
  output: z.string().nullable(),
  verdicts: z.array(itemVerdictSchema),
  /** The threshold each category was judged against, per direction, as logged with the call. */
  thresholds: z.record(
    z.string(),
    z.strictObject({ input: z.number().optional(), output: z.number().optional() }),
  ),
});
export type QueueItemResponse = z.infer<typeof queueItemResponseSchema>;

/** A label as staff read it (`/admin/labels`, and the answer to labeling a queue item). */
export const labelResponseSchema = z.strictObject({
  id: z.uuid(),
  requestId: z.string(),
  applicationId: z.uuid().nullable(),
  source: z.enum(LABEL_SOURCES),
  queueId: z.uuid().nullable(),
  staffUserId: z.uuid().nullable(),
  endUser: z.string().nullable(),
  rating: z.enum([LabelRating.Good, LabelRating.Bad]).nullable(),
  categories: z.record(z.string(), z.boolean()),
  falsePositive: z.boolean(),
  comment: z.string().nullable(),
  /** Strike points refunded to the end user because of this label (0 when none). */
  refundedPoints: z.number().min(0),
  createdAt: timestamp,
});
export type LabelResponse = z.infer<typeof labelResponseSchema>;
