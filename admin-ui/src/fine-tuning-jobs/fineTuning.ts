import type { EnumOption } from '../common/EnumChipField';
import { API_URL, httpClient } from '../session';

/** A fine-tuning job as /admin/fine-tuning-jobs returns it. */
export interface FineTuningJob {
  id: string;
  organizationId: string;
  applicationId: string;
  model: string;
  trainingFile: string;
  validationFile: string | null;
  nEpochs: number;
  batchSize: number;
  learningRateMultiplier: number;
  seed: number;
  suffix: string | null;
  status: string;
  screeningStatus: string;
  screeningReport: ScreeningReport | null;
  fineTunedModel: string | null;
  trainedTokens: number | null;
  error: { code: string; message: string; param: string | null } | null;
  metrics: Array<{ step: number; train_loss: number; valid_loss: number | null }>;
  createdAt: string;
  finishedAt: string | null;
  events?: Array<{ id: string; level: string; message: string; createdAt: string }>;
}

export interface ScreeningReport {
  examples: number;
  flagged: number;
  share: number;
  limit: number;
  /** The policy's staff-review band starts above this share. */
  reviewAboveShare?: number;
  lines: Array<{ file: string; line: number; categories: string[]; text: string }>;
}

export const JOB_STATUSES: Record<string, EnumOption> = {
  validating_files: { label: 'Validating files', color: 'info' },
  queued: { label: 'Queued', color: 'default' },
  running: { label: 'Running', color: 'primary' },
  succeeded: { label: 'Succeeded', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

export const SCREENING_STATUSES: Record<string, EnumOption> = {
  pending: { label: 'Pending', color: 'default' },
  passed: { label: 'Passed', color: 'success' },
  awaiting_review: { label: 'Awaiting review', color: 'warning' },
  approved: { label: 'Approved by staff', color: 'success' },
  rejected: { label: 'Rejected by staff', color: 'error' },
  flagged: { label: 'Flagged', color: 'error' },
};

/** POST to the staff API (decisions that are not react-admin CRUD). */
export async function postDecision<T>(path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
}
