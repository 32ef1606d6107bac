import { listContract } from '../common/list-query';
import { z } from 'zod';
import { ApplicationBiasRunEntity, BiasRunEntity } from './bias-run.entity';
import type { BiasRunRow } from './bias.repository';
import { BiasComparison, BiasReport, BiasRunStatus, ProbeSetName } from './bias.types';
import { TEMPLATE_PLACEHOLDER } from './scoring';

/** What staff may sort and filter bias-runs by; the repository maps each name to SQL. */
export const BIAS_RUN_LIST = listContract({
  resource: 'bias-runs',
  sortable: ['id', 'status', 'model', 'seed', 'createdAt', 'startedAt', 'finishedAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: Object.values(BiasRunStatus) },
    model: { kind: 'values', type: 'text' },
    applicationId: { kind: 'values', type: 'uuid' },
    createdBy: { kind: 'values', type: 'uuid' },
    attachedTo: { kind: 'values', type: 'uuid' },
    q: { kind: 'text' },
  },
});
export type BiasRunSortField = (typeof BIAS_RUN_LIST.sortable)[number];
export type BiasRunFilterField = keyof typeof BIAS_RUN_LIST.filters;

export const MAX_SEED = 2_147_483_647;
export const MAX_LIMIT = 10_000;

export const startBiasRunSchema = z
  .object({
    model: z.string().trim().min(1).max(200).optional(),
    applicationId: z.uuid().optional(),
    promptTemplate: z
      .string()
      .max(4000)
      .refine(
        (template) => template.split(TEMPLATE_PLACEHOLDER).length === 2,
        `must contain ${TEMPLATE_PLACEHOLDER} exactly once`,
      )
      .nullable()
      .optional(),
    probeSets: z.array(z.enum(ProbeSetName)).min(1).optional(),
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    /** Probes per group (BOLD prompts per group, HolisticBias frames per axis, StereoSet items per domain). */
    limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  })
  .strict();

export type StartBiasRunInput = z.infer<typeof startBiasRunSchema>;

export interface BiasRunProgress {
  done: number;
  total: number;
  /** 0–100, whole numbers; 100 only once the report is written. */
  percent: number;
}

export interface BiasRunResponse {
  id: string;
  status: BiasRunStatus;
  model: string;
  applicationId: string | null;
  promptTemplate: string | null;
  probeSets: ProbeSetName[];
  seed: number;
  limit: number | null;
  progress: BiasRunProgress;
  attempts: number;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface BiasRunDetailResponse extends BiasRunResponse {
  attachedApplicationIds: string[];
  report: BiasReport | null;
}

export interface BiasComparisonResponse extends BiasComparison {
  a: BiasRunResponse;
  b: BiasRunResponse;
}

export interface BiasRunAttachmentResponse {
  id: string;
  applicationId: string;
  biasRunId: string;
  attachedBy: string | null;
  attachedAt: string;
}

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
