/** Job statuses exactly as OpenAI reports them. */
export enum JobStatus {
  ValidatingFiles = 'validating_files',
  Queued = 'queued',
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

export const FINISHED_STATUSES: readonly JobStatus[] = [
  JobStatus.Succeeded,
  JobStatus.Failed,
  JobStatus.Cancelled,
];

/** The platform's screening of a job's files by the moderation checks. */
export enum ScreeningStatus {
  Pending = 'pending',
  Passed = 'passed',
  /** Some examples flagged, no more than the limit: staff decide. */
  AwaitingReview = 'awaiting_review',
  Approved = 'approved',
  Rejected = 'rejected',
  /** More flagged examples than the limit: the job failed. */
  Flagged = 'flagged',
}

/** A fine-tuned model's own review: only approved models serve production keys. */
export enum ModelReviewStatus {
  PendingReview = 'pending_review',
  Approved = 'approved',
  Rejected = 'rejected',
  Retired = 'retired',
}

export interface FlaggedLine {
  file: 'training' | 'validation';
  line: number;
  categories: string[];
  text: string;
}

export interface ScreeningReport {
  examples: number;
  flagged: number;
  share: number;
  limit: number;
  /** The policy's review band starts above this share (absent on reports written before it existed). */
  reviewAboveShare?: number;
  lines: FlaggedLine[];
}

export interface JobError {
  code: string;
  message: string;
  param: string | null;
}

export interface JobRow {
  id: string;
  organizationId: string;
  applicationId: string;
  apiKeyId: string | null;
  model: string;
  trainingFile: string;
  validationFile: string | null;
  nEpochs: number;
  batchSize: number;
  learningRateMultiplier: number;
  seed: number;
  suffix: string | null;
  status: JobStatus;
  screeningStatus: ScreeningStatus;
  screeningReport: ScreeningReport | null;
  cancelRequested: boolean;
  fineTunedModel: string | null;
  trainedTokens: number | null;
  error: JobError | null;
  upstreamJobId: string | null;
  /** Per-step metrics, for the console's loss chart. */
  metrics: StepPoint[];
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface StepPoint {
  step: number;
  train_loss: number;
  valid_loss: number | null;
}

export interface EventRow {
  id: string;
  jobId: string;
  level: 'info' | 'warn' | 'error';
  type: 'message' | 'metrics';
  message: string;
  data: Record<string, unknown> | null;
  createdAt: Date;
}

export interface CheckpointRow {
  id: string;
  jobId: string;
  stepNumber: number;
  metrics: Record<string, number>;
  fineTunedModelCheckpoint: string;
  createdAt: Date;
}

export interface SamplePair {
  prompt: string;
  base: string;
  tuned: string;
}

export interface FineTunedModelRow {
  id: string;
  jobId: string;
  organizationId: string;
  applicationId: string;
  baseModel: string;
  /** Set when the upstream trained the model: its id there, where requests for this model go. */
  upstreamModel: string | null;
  reviewStatus: ModelReviewStatus;
  biasRunId: string | null;
  baseBiasRunId: string | null;
  samples: SamplePair[];
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  createdAt: Date;
}
