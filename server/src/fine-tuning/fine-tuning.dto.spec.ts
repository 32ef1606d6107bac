import {
  fineTunedModelResponseSchema,
  fineTuningJobResponseSchema,
  modelDecisionSchema,
  screeningDecisionSchema,
} from '../contracts';
import { toFineTunedModelResponse, toFineTuningJobResponse } from './fine-tuning.dto';
import {
  EventRow,
  FineTunedModelRow,
  JobRow,
  JobStatus,
  ModelReviewStatus,
  ScreeningStatus,
} from './fine-tuning.types';

const job = (): JobRow => ({
  id: 'ftjob-abc123',
  organizationId: 'f1d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a01',
  applicationId: 'f1d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a02',
  apiKeyId: 'f1d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a03',
  model: 'stories260K',
  trainingFile: 'file-train',
  validationFile: null,
  nEpochs: 2,
  batchSize: 4,
  learningRateMultiplier: 1.5,
  seed: 42,
  suffix: 'support',
  status: JobStatus.ValidatingFiles,
  screeningStatus: ScreeningStatus.AwaitingReview,
  screeningReport: {
    examples: 40,
    flagged: 2,
    share: 0.05,
    limit: 0.1,
    reviewAboveShare: 0.02,
    lines: [{ file: 'training', line: 7, categories: ['harassment'], text: 'you are worthless' }],
  },
  cancelRequested: false,
  fineTunedModel: null,
  trainedTokens: null,
  error: null,
  upstreamJobId: null,
  metrics: [{ step: 1, train_loss: 2.3, valid_loss: null }],
  createdAt: new Date('2026-11-02T10:00:00Z'),
  startedAt: null,
  finishedAt: null,
});

const event = (): EventRow => ({
  id: 'ftevent-1',
  jobId: 'ftjob-abc123',
  level: 'warn',
  type: 'message',
  message: '2 of 40 examples flagged; waiting for staff review',
  data: null,
  createdAt: new Date('2026-11-02T10:00:05Z'),
});

const model = (): FineTunedModelRow => ({
  id: 'ft:stories260K:acme:support:abc123',
  jobId: 'ftjob-abc123',
  organizationId: 'f1d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a01',
  applicationId: 'f1d0c55e-3f0e-4c61-b1d7-7a3c0e9f0a02',
  baseModel: 'stories260K',
  upstreamModel: null,
  reviewStatus: ModelReviewStatus.PendingReview,
  biasRunId: null,
  baseBiasRunId: null,
  samples: [{ prompt: 'Once', base: 'upon a time', tuned: 'upon a support ticket' }],
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
  createdAt: new Date('2026-11-02T11:00:00Z'),
});

describe('fine-tuning review contract', () => {
  it('accepts a job with its events as staff see it, with the same fields as the stored row', () => {
    const response = fineTuningJobResponseSchema.parse(toFineTuningJobResponse(job(), [event()]));
    expect(response.events[0]).toMatchObject({ level: 'warn', createdAt: '2026-11-02T10:00:05.000Z' });
    // The wire format is the row's fields (Dates as ISO strings) plus the events, nothing more and nothing less.
    expect(Object.keys(response).sort()).toEqual([...Object.keys(job()), 'events'].sort());
  });

  it('accepts a model with its job only on the answers that show one model', () => {
    const listed = fineTunedModelResponseSchema.parse(toFineTunedModelResponse(model()));
    expect('job' in listed).toBe(false);
    expect('job' in toFineTunedModelResponse(model(), null)).toBe(false);
    const shown = fineTunedModelResponseSchema.parse(toFineTunedModelResponse(model(), job()));
    expect(shown.job?.id).toBe('ftjob-abc123');
  });

  it('refuses unmapped rows, unknown statuses and decisions that do not exist', () => {
    expect(fineTuningJobResponseSchema.safeParse({ ...job(), events: [] }).success).toBe(false);
    const mapped = toFineTuningJobResponse(job());
    expect(fineTuningJobResponseSchema.safeParse({ ...mapped, screeningStatus: 'maybe' }).success).toBe(
      false,
    );
    expect(fineTunedModelResponseSchema.safeParse(model()).success).toBe(false);
    expect(modelDecisionSchema.safeParse({ decision: 'publish' }).success).toBe(false);
    expect(screeningDecisionSchema.safeParse({ decision: 'retire' }).success).toBe(false);
    expect(screeningDecisionSchema.parse({ decision: 'approve', note: null })).toEqual({
      decision: 'approve',
      note: null,
    });
  });
});
