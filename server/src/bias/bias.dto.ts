import { listContract } from '../common/list-query';
import {
  BIAS_RUN_STATUSES,
  MAX_LIMIT,
  MAX_SEED,
  startBiasRunSchema,
  type BiasComparisonResponse,
  type BiasRunAttachmentResponse,
  type BiasRunDetailResponse,
  type BiasRunResponse,
  type StartBiasRunInput,
} from '../contracts';
import { ApplicationBiasRunEntity, BiasRunEntity } from './bias-run.entity';
import type { BiasRunRow } from './bias.repository';
import { BiasComparison, BiasRunStatus } from './bias.types';

/** What staff may sort and filter bias-runs by; the repository maps each name to SQL. */
export const BIAS_RUN_LIST = listContract({
  resource: 'bias-runs',
  sortable: ['id', 'status', 'model', 'seed', 'createdAt', 'startedAt', 'finishedAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: BIAS_RUN_STATUSES },
    model: { kind: 'values', type: 'text' },
    applicationId: { kind: 'values', type: 'uuid' },
    createdBy: { kind: 'values', type: 'uuid' },
    attachedTo: { kind: 'values', type: 'uuid' },
    q: { kind: 'text' },
  },
});
export type BiasRunSortField = (typeof BIAS_RUN_LIST.sortable)[number];
export type BiasRunFilterField = keyof typeof BIAS_RUN_LIST.filters;

export { MAX_LIMIT, MAX_SEED, startBiasRunSchema };
export type {
  BiasComparisonResponse,
  BiasRunAttachmentResponse,
  BiasRunDetailResponse,
  BiasRunResponse,
  StartBiasRunInput,
};

export type BiasRunProgress = BiasRunResponse['progress'];

export function progressOf(
  run: Pick<BiasRunRow, 'status' | 'progressDone' | 'progressTotal'>,
): BiasRunProgress {
  const { progressDone: done, progressTotal: total } = run;
  if (run.status === BiasRunStatus.Completed) {
    return { done: total, total, percent: 100 };
  }
  // A run at its last probe is still writing its report: 99 until it is done.
  const percent = total > 0 ? Math.min(99, Math.floor((100 * done) / total)) : 0;
  return { done, total, percent };
}

export function toBiasRunResponse(run: BiasRunRow): BiasRunResponse {
  return {
    id: run.id,
    status: run.status,
    model: run.model,
    applicationId: run.applicationId,
    promptTemplate: run.promptTemplate,
    probeSets: run.probeSets,
    seed: run.seed,
    limit: run.sampleLimit,
    progress: progressOf(run),
    attempts: run.attempts,
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}

export function toBiasRunDetailResponse(
  run: BiasRunEntity,
  attachedApplicationIds: string[],
): BiasRunDetailResponse {
  return { ...toBiasRunResponse(run), attachedApplicationIds, report: run.report };
}

export function toBiasComparisonResponse(
  a: BiasRunEntity,
  b: BiasRunEntity,
  comparison: BiasComparison,
): BiasComparisonResponse {
  return { a: toBiasRunResponse(a), b: toBiasRunResponse(b), ...comparison };
}

export function toBiasRunAttachmentResponse(attachment: ApplicationBiasRunEntity): BiasRunAttachmentResponse {
  return {
    id: `${attachment.applicationId}:${attachment.biasRunId}`,
    applicationId: attachment.applicationId,
    biasRunId: attachment.biasRunId,
    attachedBy: attachment.attachedBy,
    attachedAt: attachment.attachedAt.toISOString(),
  };
}
