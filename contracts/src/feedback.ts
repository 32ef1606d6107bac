import { z } from 'zod';

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
export interface CategoryAgreement {
  category: string;
  /** Items both labelers judged in this category. */
  items: number;
  /** Share of those items where they agreed. */
  observed: number;
  /** Cohen's kappa; null when it is undefined (fewer than one item, or chance agreement is 1). */
  kappa: number | null;
}
