import { z } from 'zod';
import { listContract } from '../common/list-query';
import { FineTuningRequestError } from './fine-tuning.errors';
import {
  FINE_TUNING_JOB_STATUSES,
  MODEL_REVIEW_STATUSES,
  SCREENING_STATUSES,
  modelDecisionSchema,
  screeningDecisionSchema,
  type FineTunedModelResponse,
  type FineTuningEventResponse,
  type FineTuningJobResponse,
} from '../contracts';
import { CheckpointRow, EventRow, FineTunedModelRow, JobRow } from './fine-tuning.types';

export { modelDecisionSchema, screeningDecisionSchema };
export type { FineTunedModelResponse, FineTuningJobResponse };

/** What staff may sort and filter fine-tuning jobs by; the repository maps each name to SQL. */
export const FINE_TUNING_JOB_LIST = listContract({
  resource: 'fine-tuning-jobs',
  sortable: ['id', 'createdAt', 'status', 'model'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'text' },
    status: { kind: 'values', type: 'text', allowed: FINE_TUNING_JOB_STATUSES },
    screeningStatus: { kind: 'values', type: 'text', allowed: SCREENING_STATUSES },
    organizationId: { kind: 'values', type: 'uuid' },
    applicationId: { kind: 'values', type: 'uuid' },
    q: { kind: 'text' },
  },
});
export type FineTuningJobSortField = (typeof FINE_TUNING_JOB_LIST.sortable)[number];
export type FineTuningJobFilterField = keyof typeof FINE_TUNING_JOB_LIST.filters;

/** What staff may sort and filter fine-tuned models by. */
export const FINE_TUNED_MODEL_LIST = listContract({
  resource: 'fine-tuned-models',
  sortable: ['id', 'createdAt', 'reviewStatus'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'text' },
    reviewStatus: { kind: 'values', type: 'text', allowed: MODEL_REVIEW_STATUSES },
    organizationId: { kind: 'values', type: 'uuid' },
    q: { kind: 'text' },
  },
});
export type FineTunedModelSortField = (typeof FINE_TUNED_MODEL_LIST.sortable)[number];
export type FineTunedModelFilterField = keyof typeof FINE_TUNED_MODEL_LIST.filters;

const auto = z.literal('auto');
const hyperparametersSchema = z.object({
  n_epochs: z.union([auto, z.number().int().min(1).max(50)]).optional(),
  batch_size: z.union([auto, z.number().int().min(1).max(256)]).optional(),
  learning_rate_multiplier: z.union([auto, z.number().positive().max(100)]).optional(),
});

/** `CreateFineTuningJobRequest`: hyperparameters at the top level (legacy) or under `method.supervised`. */
const createJobSchema = z.object({
  model: z.string().trim().min(1).max(200),
  training_file: z.string().min(1).max(200),
  validation_file: z.string().min(1).max(200).nullable().optional(),
  hyperparameters: hyperparametersSchema.optional(),
  method: z
    .object({
      type: z.literal('supervised'),
      supervised: z.object({ hyperparameters: hyperparametersSchema.optional() }).optional(),
    })
    .optional(),
  suffix: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only')
    .nullable()
    .optional(),
  seed: z.number().int().min(0).max(2147483647).nullable().optional(),
  integrations: z.unknown().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});

export interface CreateJobInput {
  model: string;
  trainingFile: string;
  validationFile: string | null;
  nEpochs: number | 'auto';
  batchSize: number | 'auto';
  learningRateMultiplier: number | 'auto';
  suffix: string | null;
  seed: number | null;
}

export function parseCreateJob(body: unknown): CreateJobInput {
  const parsed = createJobSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.join('.') || null;
    throw new FineTuningRequestError(`Invalid request${param ? ` (${param})` : ''}: ${issue.message}`, param);
  }
  const value = parsed.data;
  const hyper = { ...value.hyperparameters, ...value.method?.supervised?.hyperparameters };
  return {
    model: value.model,
    trainingFile: value.training_file,
    validationFile: value.validation_file ?? null,
    nEpochs: hyper.n_epochs ?? 'auto',
    batchSize: hyper.batch_size ?? 'auto',
    learningRateMultiplier: hyper.learning_rate_multiplier ?? 'auto',
    suffix: value.suffix || null,
    seed: value.seed ?? null,
  };
}

const seconds = (date: Date | string | null) =>
  date === null ? null : Math.floor(new Date(date).getTime() / 1000);

export function toOpenAiJob(row: JobRow) {
  const hyperparameters = {
    n_epochs: row.nEpochs,
    batch_size: row.batchSize,
    learning_rate_multiplier: row.learningRateMultiplier,
  };
  return {
    object: 'fine_tuning.job' as const,
    id: row.id,
    model: row.model,
    created_at: seconds(row.createdAt)!,
    finished_at: seconds(row.finishedAt),
    fine_tuned_model: row.fineTunedModel,
    organization_id: row.organizationId,
    result_files: [] as string[],
    status: row.status,
    training_file: row.trainingFile,
    validation_file: row.validationFile,
    hyperparameters,
    method: { type: 'supervised' as const, supervised: { hyperparameters } },
    trained_tokens: row.trainedTokens,
    error: row.error,
    seed: row.seed,
    estimated_finish: null,
    integrations: null,
    metadata: null,
    suffix: row.suffix,
  };
}

export function toOpenAiEvent(row: EventRow) {
  return {
    object: 'fine_tuning.job.event' as const,
    id: row.id,
    created_at: seconds(row.createdAt)!,
    level: row.level,
    message: row.message,
    type: row.type,
    data: row.data ?? {},
  };
}

export function toOpenAiCheckpoint(row: CheckpointRow) {
  return {
    object: 'fine_tuning.job.checkpoint' as const,
    id: row.id,
    created_at: seconds(row.createdAt)!,
    fine_tuned_model_checkpoint: row.fineTunedModelCheckpoint,
    fine_tuning_job_id: row.jobId,
    step_number: row.stepNumber,
    metrics: row.metrics,
  };
}

export function page<T, R>(rows: T[], limit: number, map: (row: T) => R & { id: string }) {
  const data = rows.slice(0, limit).map(map);
  return {
    object: 'list' as const,
    data,
    has_more: rows.length > limit,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toFineTuningEventResponse(event: EventRow): FineTuningEventResponse {
  return {
    id: event.id,
    jobId: event.jobId,
    level: event.level,
    type: event.type,
    message: event.message,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
  };
}

/** A job as staff see it: the OpenAI fields plus screening, loss curve and events. */
export function toFineTuningJobResponse(job: JobRow, events: EventRow[] = []): FineTuningJobResponse {
  return {
    id: job.id,
    organizationId: job.organizationId,
    applicationId: job.applicationId,
    apiKeyId: job.apiKeyId,
    model: job.model,
    trainingFile: job.trainingFile,
    validationFile: job.validationFile,
    nEpochs: job.nEpochs,
    batchSize: job.batchSize,
    learningRateMultiplier: job.learningRateMultiplier,
    seed: job.seed,
    suffix: job.suffix,
    status: job.status,
    screeningStatus: job.screeningStatus,
    screeningReport: job.screeningReport,
    cancelRequested: job.cancelRequested,
    fineTunedModel: job.fineTunedModel,
    trainedTokens: job.trainedTokens,
    error: job.error,
    upstreamJobId: job.upstreamJobId,
    metrics: job.metrics,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    events: events.map(toFineTuningEventResponse),
  };
}

/** The job rides along on the answers that show one model. */
export function toFineTunedModelResponse(
  model: FineTunedModelRow,
  job?: JobRow | null,
): FineTunedModelResponse {
  return {
    id: model.id,
    jobId: model.jobId,
    organizationId: model.organizationId,
    applicationId: model.applicationId,
    baseModel: model.baseModel,
    upstreamModel: model.upstreamModel,
    reviewStatus: model.reviewStatus,
    biasRunId: model.biasRunId,
    baseBiasRunId: model.baseBiasRunId,
    samples: model.samples,
    reviewedBy: model.reviewedBy,
    reviewedAt: iso(model.reviewedAt),
    reviewNote: model.reviewNote,
    createdAt: model.createdAt.toISOString(),
    ...(job ? { job: toFineTuningJobResponse(job) } : {}),
  };
}
