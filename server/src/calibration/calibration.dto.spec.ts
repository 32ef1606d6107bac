import {
  calibrationResponseSchema,
  proposalResponseSchema,
  ProposalStatus,
  replayResponseSchema,
  ReplayStatus,
} from '../contracts';
import type { CalibrationRecord, PolicyProposalRecord, PolicyReplayRecord } from './calibration.types';
import { toCalibrationResponse, toProposalResponse, toReplayResponse } from './calibration.dto';
import { outcomeOf, ReplayDiffBuilder } from './replay-diff';
import { chooseThreshold } from './threshold-choice';

const items = [
  { score: 0.95, positive: true },
  { score: 0.8, positive: false },
  { score: 0.7, positive: true },
  { score: 0.3, positive: false },
];
const chosen = chooseThreshold(items, 0.6);
const unreachable = chooseThreshold(items, 1.1);

const calibration = (): CalibrationRecord => ({
  id: '4e2e0c55-3f0e-4c61-b1d7-7a3c0e9f0a08',
  queueId: '2b7e0c55-3f0e-4c61-b1d7-7a3c0e9f0a05',
  applicationId: null,
  precisionTarget: 0.6,
  checks: ['classifier'],
  trafficDays: 7,
  labeledItems: 4,
  result: [
    {
      check: 'classifier',
      category: 'violence',
      labeledItems: 4,
      positives: chosen.positives,
      curve: chosen.curve,
      chosen: chosen.chosen,
      reason: chosen.reason,
      volume: { calls: 120, crossingOld: 9, crossingNew: 14 },
    },
    {
      check: 'classifier',
      category: 'hate',
      labeledItems: 4,
      positives: unreachable.positives,
      curve: unreachable.curve,
      chosen: unreachable.chosen,
      reason: unreachable.reason,
      volume: { calls: 120, crossingOld: 2, crossingNew: null },
    },
  ],
  createdBy: 'analyst@example.com',
  createdAt: new Date('2026-11-02T10:00:00Z'),
});

const diff = new ReplayDiffBuilder();
diff.add(
  'req_1',
  'How do I sharpen a knife?',
  outcomeOf([]),
  outcomeOf([{ category: 'violence', triggered: true, action: 'block' }]),
);
diff.skip();

const replay = (overrides: Partial<PolicyReplayRecord> = {}): PolicyReplayRecord => ({
  id: '8a2e0c55-3f0e-4c61-b1d7-7a3c0e9f0a09',
  proposalId: '0d2e0c55-3f0e-4c61-b1d7-7a3c0e9f0a10',
  windowFrom: new Date('2026-10-26T10:00:00Z'),
  windowTo: new Date('2026-11-02T10:00:00Z'),
  status: ReplayStatus.Completed,
  policyVersion: 3,
  progressDone: 2,
  progressTotal: 2,
  attempts: 1,
  result: diff.build(),
  error: null,
  createdAt: new Date('2026-11-02T10:01:00Z'),
  startedAt: new Date('2026-11-02T10:01:01Z'),
  finishedAt: new Date('2026-11-02T10:01:05Z'),
  ...overrides,
});

const proposal = (): PolicyProposalRecord => ({
  id: '0d2e0c55-3f0e-4c61-b1d7-7a3c0e9f0a10',
  applicationId: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  applicationName: 'Support bot',
  applicationStatus: 'live',
  calibrationId: '4e2e0c55-3f0e-4c61-b1d7-7a3c0e9f0a08',
  patch: { categories: { violence: { input: { threshold: 0.7 } } } },
  note: null,
  status: ProposalStatus.Draft,
  createdBy: 'analyst@example.com',
  createdAt: new Date('2026-11-02T10:00:30Z'),
  appliedBy: null,
  appliedAt: null,
});

describe('calibration contract', () => {
  it('accepts a calibration with a chosen threshold and one the target cannot reach', () => {
    const parsed = calibrationResponseSchema.parse(toCalibrationResponse(calibration()));
    expect(parsed.rows[0].chosen).not.toBe(null);
    expect(parsed.rows[1]).toMatchObject({ chosen: null, reason: 'target_unreachable' });
  });

  it('refuses the raw record (result, Date instants), unknown fields and reasons', () => {
    expect(calibrationResponseSchema.safeParse(calibration()).success).toBe(false);
    const mapped = toCalibrationResponse(calibration());
    expect(calibrationResponseSchema.safeParse({ ...mapped, result: mapped.rows }).success).toBe(false);
    const row = { ...mapped.rows[1], reason: 'not_enough_labels' };
    expect(calibrationResponseSchema.safeParse({ ...mapped, rows: [row] }).success).toBe(false);
  });

  it('accepts a proposal with its latest replay (the diff as the replayer builds it), and one without', () => {
    const parsed = proposalResponseSchema.parse(toProposalResponse(proposal(), replay()));
    expect(parsed.latestReplay).toMatchObject({ status: 'completed', progress: { percent: 100 } });
    expect(parsed.latestReplay?.result).toMatchObject({ replayed: 1, skipped: 1, newlyBlocked: 1 });
    expect(proposalResponseSchema.parse(toProposalResponse(proposal(), null)).latestReplay).toBe(null);
    const queued = replay({
      status: ReplayStatus.Queued,
      progressDone: 0,
      progressTotal: 0,
      result: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(replayResponseSchema.parse(toReplayResponse(queued)).progress).toEqual({
      done: 0,
      total: 0,
      percent: 0,
    });
  });

  it('refuses the raw records, unknown fields and statuses', () => {
    expect(proposalResponseSchema.safeParse(proposal()).success).toBe(false);
    expect(replayResponseSchema.safeParse(replay()).success).toBe(false);
    const mapped = toProposalResponse(proposal(), replay());
    expect(proposalResponseSchema.safeParse({ ...mapped, applicationStatus: 'live' }).success).toBe(false);
    expect(proposalResponseSchema.safeParse({ ...mapped, status: 'rejected' }).success).toBe(false);
    const replayed = toReplayResponse(replay());
    expect(replayResponseSchema.safeParse({ ...replayed, status: 'paused' }).success).toBe(false);
    expect(replayResponseSchema.safeParse({ ...replayed, attempts: 1 }).success).toBe(false);
  });
});
