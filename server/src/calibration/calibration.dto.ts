import { z } from 'zod';
import { listContract } from '../common/list-query';
import {
  PROPOSAL_STATUSES,
  ReplayStatus,
  type CalibrationResponse,
  type ProposalResponse,
  type ReplayResponse,
} from '../contracts';
import { CalibrationRecord, PolicyProposalRecord, PolicyReplayRecord } from './calibration.types';

export const CALIBRATION_LIST = listContract({
  resource: 'calibrations',
  sortable: ['id', 'createdAt', 'precisionTarget'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    queueId: { kind: 'values', type: 'uuid' },
    applicationId: { kind: 'values', type: 'uuid' },
  },
});
export type CalibrationSortField = (typeof CALIBRATION_LIST.sortable)[number];
export type CalibrationFilterField = keyof typeof CALIBRATION_LIST.filters;

export const PROPOSAL_LIST = listContract({
  resource: 'policy-proposals',
  sortable: ['id', 'createdAt', 'status', 'applicationName'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    applicationId: { kind: 'values', type: 'uuid' },
    calibrationId: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: PROPOSAL_STATUSES },
    q: { kind: 'text' },
  },
});
export type ProposalSortField = (typeof PROPOSAL_LIST.sortable)[number];
export type ProposalFilterField = keyof typeof PROPOSAL_LIST.filters;

/** Traffic windows longer than this are refused: a replay re-runs every check on every call in it. */
export const MAX_REPLAY_DAYS = 31;

export const createCalibrationSchema = z
  .object({
    queueId: z.uuid(),
    precisionTarget: z.number().gt(0).max(1),
    scope: z.object({ applicationId: z.uuid().optional() }).strict().default({}),
    checks: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
    /** How many days of logged traffic the volume estimate covers. */
    trafficDays: z.number().int().min(1).max(365).default(7),
  })
  .strict();
export type CreateCalibration = z.infer<typeof createCalibrationSchema>;

/** The patch itself is validated by the policy editor's schema (PoliciesService), so its errors read the same. */
export const createProposalSchema = z
  .object({
    applicationId: z.uuid().optional(),
    calibrationId: z.uuid().optional(),
    patch: z.record(z.string(), z.unknown()).optional(),
    note: z.string().max(4000).optional(),
  })
  .strict()
  .refine((body) => body.calibrationId !== undefined || body.patch !== undefined, {
    message: 'give a calibrationId or a patch',
  })
  .refine((body) => body.calibrationId !== undefined || body.applicationId !== undefined, {
    message: 'a proposal written by hand names its applicationId',
  });
export type CreateProposal = z.infer<typeof createProposalSchema>;

export const startReplaySchema = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .strict()
  .refine((body) => Date.parse(body.to) > Date.parse(body.from), { message: 'to must be after from' })
  .refine((body) => Date.parse(body.to) - Date.parse(body.from) <= MAX_REPLAY_DAYS * 24 * 3600 * 1000, {
    message: `a replay window spans at most ${MAX_REPLAY_DAYS} days`,
  });
export type StartReplay = z.infer<typeof startReplaySchema>;

export type { CalibrationResponse, ProposalResponse, ReplayResponse };

export function toCalibrationResponse(record: CalibrationRecord): CalibrationResponse {
  return {
    id: record.id,
    queueId: record.queueId,
    applicationId: record.applicationId,
    precisionTarget: record.precisionTarget,
    checks: record.checks,
    trafficDays: record.trafficDays,
    labeledItems: record.labeledItems,
    rows: record.result,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toReplayResponse(record: PolicyReplayRecord): ReplayResponse {
  const { progressDone: done, progressTotal: total } = record;
  return {
    id: record.id,
    proposalId: record.proposalId,
    from: record.windowFrom.toISOString(),
    to: record.windowTo.toISOString(),
    status: record.status,
    policyVersion: record.policyVersion,
    progress: {
      done,
      total,
      percent:
        total > 0 ? Math.floor((100 * done) / total) : record.status === ReplayStatus.Completed ? 100 : 0,
    },
    result: record.result,
    error: record.error,
    createdAt: record.createdAt.toISOString(),
    startedAt: record.startedAt?.toISOString() ?? null,
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

export function toProposalResponse(
  record: PolicyProposalRecord,
  latestReplay: PolicyReplayRecord | null,
): ProposalResponse {
  return {
    id: record.id,
    applicationId: record.applicationId,
    applicationName: record.applicationName,
    calibrationId: record.calibrationId,
    patch: record.patch,
    note: record.note,
    status: record.status,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    appliedBy: record.appliedBy,
    appliedAt: record.appliedAt?.toISOString() ?? null,
    latestReplay: latestReplay ? toReplayResponse(latestReplay) : null,
  };
}
