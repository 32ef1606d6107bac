import { CalibrationRow, ProposalStatus, ReplayDiff, ReplayStatus } from '../contracts';

export interface CalibrationRecord {
  id: string;
  queueId: string | null;
  applicationId: string | null;
  precisionTarget: number;
  checks: string[];
  trafficDays: number;
  labeledItems: number;
  result: CalibrationRow[];
  createdBy: string | null;
  createdAt: Date;
}

export interface PolicyProposalRecord {
  id: string;
  applicationId: string;
  applicationName: string;
  applicationStatus: string;
  calibrationId: string | null;
  patch: Record<string, unknown>;
  note: string | null;
  status: ProposalStatus;
  createdBy: string | null;
  createdAt: Date;
  appliedBy: string | null;
  appliedAt: Date | null;
}

export interface PolicyReplayRecord {
  id: string;
  proposalId: string;
  windowFrom: Date;
  windowTo: Date;
  status: ReplayStatus;
  policyVersion: number;
  progressDone: number;
  progressTotal: number;
  attempts: number;
  result: ReplayDiff | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** One logged call as a replay reads it. */
export interface LoggedCall {
  requestId: string;
  createdAt: Date;
  endpoint: string;
  prompt: unknown;
  suffix: string | null;
  output: unknown;
  verdicts: unknown;
}
