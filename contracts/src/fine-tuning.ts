import { z } from 'zod';
import { timestamp } from './shapes';

/** Fine-tuning as staff review it (`/admin/fine-tuning-jobs`, `/admin/fine-tuned-models`). */
export const FINE_TUNING_JOB_STATUSES = [
  'validating_files',
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type FineTuningJobStatus = (typeof FINE_TUNING_JOB_STATUSES)[number];

/** `awaiting_review`: the flagged share is in the policy's review band; staff approve or reject the data. */
export const SCREENING_STATUSES = [
  'pending',
  'passed',
  'awaiting_review',
  'approved',
  'rejected',
  'flagged',
] as const;
export type ScreeningStatusName = (typeof SCREENING_STATUSES)[number];

export const MODEL_REVIEW_STATUSES = ['pending_review', 'approved', 'rejected', 'retired'] as const;
export type ModelReviewStatusName = (typeof MODEL_REVIEW_STATUSES)[number];

const note = z.string().max(2000).nullable().optional();

/** `POST /admin/fine-tuned-models/:id/decisions`. */
export const MODEL_DECISIONS = ['approve', 'reject', 'retire'] as const;
export type ModelDecision = (typeof MODEL_DECISIONS)[number];
export const modelDecisionSchema = z.object({ decision: z.enum(MODEL_DECISIONS), note });

/** `POST /admin/fine-tuning-jobs/:id/screening`. */
export const SCREENING_DECISIONS = ['approve', 'reject'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];
export const screeningDecisionSchema = z.object({ decision: z.enum(SCREENING_DECISIONS), note });

export const screeningReportSchema = z.strictObject({
  examples: z.number().int().min(0),
  flagged: z.number().int().min(0),
  share: z.number().min(0).max(1),
  limit: z.number(),
  /** The policy's staff-review band starts above this share (absent on reports written before it existed). */
  reviewAboveShare: z.number().optional(),
  lines: z.array(
    z.strictObject({
      file: z.enum(['training', 'validation']),
      line: z.number().int(),
      categories: z.array(z.string()),
      text: z.string(),
    }),
  ),
});
export type ScreeningReport = z.infer<typeof screeningReportSchema>;

export const fineTuningEventResponseSchema = z.strictObject({
  id: z.string(),
  jobId: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  type: z.enum(['message', 'metrics']),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestamp,
});
export type FineTuningEventResponse = z.infer<typeof fineTuningEventResponseSchema>;

/** A job as staff see it: the OpenAI fields plus screening, loss curve and events. */
export const fineTuningJobResponseSchema = z.strictObject({
  id: z.string().startsWith('ftjob-'),
  organizationId: z.uuid(),
  applicationId: z.uuid(),
  apiKeyId: z.uuid().nullable(),
  model: z.string(),
  trainingFile: z.string(),
  validationFile: z.string().nullable(),
  nEpochs: z.number().int(),
  batchSize: z.number().int(),
  learningRateMultiplier: z.number(),
  seed: z.number().int(),
  suffix: z.string().nullable(),
  status: z.enum(FINE_TUNING_JOB_STATUSES),
  screeningStatus: z.enum(SCREENING_STATUSES),
  screeningReport: screeningReportSchema.nullable(),
  cancelRequested: z.boolean(),
  fineTunedModel: z.string().nullable(),
  trainedTokens: z.number().int().nullable(),
  error: z.strictObject({ code: z.string(), message: z.string(), param: z.string().nullable() }).nullable(),
  upstreamJobId: z.string().nullable(),
  /** Per-step metrics, for the loss chart. */
  metrics: z.array(
    z.strictObject({ step: z.number().int(), train_loss: z.number(), valid_loss: z.number().nullable() }),
  ),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  /** Only on the answers that show one job. */
  events: z.array(fineTuningEventResponseSchema),
});
export type FineTuningJobResponse = z.infer<typeof fineTuningJobResponseSchema>;

/** A fine-tuned model's review record; the job only on the answers that show one model. */
export const fineTunedModelResponseSchema = z.strictObject({
  id: z.string(),
  jobId: z.string(),
  organizationId: z.uuid(),
  applicationId: z.uuid(),
  baseModel: z.string(),
  /** Set when the upstream trained it: requests go there under this id. */
  upstreamModel: z.string().nullable(),
  reviewStatus: z.enum(MODEL_REVIEW_STATUSES),
  biasRunId: z.uuid().nullable(),
  baseBiasRunId: z.uuid().nullable(),
  samples: z.array(z.strictObject({ prompt: z.string(), base: z.string(), tuned: z.string() })),
  reviewedBy: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
  reviewNote: z.string().nullable(),
  createdAt: timestamp,
  job: fineTuningJobResponseSchema.optional(),
});
export type FineTunedModelResponse = z.infer<typeof fineTunedModelResponseSchema>;
