import {
  labelQueueResponseSchema,
  labelResponseSchema,
  LabelSource,
  queueItemResponseSchema,
  QueueStatus,
  SamplingRule,
} from '../contracts';
import {
  LabelQueueRow,
  LabelRow,
  toLabelQueueResponse,
  toLabelResponse,
  toQueueItemResponse,
} from './feedback.dto';
import { cohensKappa } from './kappa';

const queueId = '2b7e0c55-3f0e-4c61-b1d7-7a3c0e9f0a05';
const queue = (overrides: Partial<LabelQueueRow> = {}): LabelQueueRow => ({
  id: queueId,
  name: 'Violence near threshold',
  filter: { applicationId: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01' },
  sampling: { rule: SamplingRule.NearThreshold, category: 'violence', band: 0.1 },
  targetSize: 50,
  labelsPerItem: 2,
  status: QueueStatus.Open,
  createdBy: 'analyst@example.com',
  createdAt: new Date('2026-11-02T10:00:00Z'),
  items: 48,
  completed: 10,
  labels: 23,
  skipped: 1,
  ...overrides,
});

const label = (): LabelRow => ({
  id: '6f3e0c55-3f0e-4c61-b1d7-7a3c0e9f0a06',
  requestId: 'req_7f3a',
  applicationId: '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
  source: LabelSource.Staff,
  queueId,
  staffUserId: '1c7d0c55-3f0e-4c61-b1d7-7a3c0e9f0a07',
  endUser: null,
  rating: null,
  categories: { violence: false },
  falsePositive: true,
  comment: 'a recipe, not a threat',
  createdAt: new Date('2026-11-02T10:05:00Z'),
  refundedPoints: 1.5,
});

/** A call as the request log stores its verdicts, one of them from before verdicts named direction and action. */
const call = {
  createdAt: new Date('2026-11-02T09:00:00Z'),
  endpoint: '/v1/chat/completions',
  model: 'stories260K',
  prompt: 'How do I sharpen a knife?',
  output: 'Hold the blade at twenty degrees.',
  verdicts: [
    {
      check: 'classifier',
      category: 'violence',
      score: 0.55,
      direction: 'input',
      threshold: 0.5,
      triggered: true,
      action: 'flag',
    },
    {
      check: 'classifier',
      category: 'violence',
      score: 0.42,
      direction: 'output',
      threshold: 0.45,
      triggered: false,
      action: 'allow',
    },
    { check: 'lexicon', category: 'profanity', score: 0 },
  ],
};

describe('label-queue contract', () => {
  it('accepts a queue as list and show answer it, agreement from real judgments on show only', () => {
    const listed = labelQueueResponseSchema.parse(toLabelQueueResponse(queue()));
    expect(listed.progress).toEqual({ items: 48, completed: 10, labels: 23, skipped: 1 });
    expect(listed).not.toHaveProperty('agreement');
    const agreement = [
      {
        category: 'violence',
        ...cohensKappa([
          [true, true],
          [false, true],
          [false, false],
        ]),
      },
    ];
    const shown = labelQueueResponseSchema.parse(toLabelQueueResponse(queue(), agreement));
    expect(shown.agreement?.[0]).toMatchObject({ category: 'violence', items: 3 });
  });

  it('refuses the raw row, unknown fields, statuses and sampling rules', () => {
    expect(labelQueueResponseSchema.safeParse(queue()).success).toBe(false);
    const mapped = toLabelQueueResponse(queue());
    expect(labelQueueResponseSchema.safeParse({ ...mapped, items: 48 }).success).toBe(false);
    expect(labelQueueResponseSchema.safeParse({ ...mapped, status: 'paused' }).success).toBe(false);
    expect(labelQueueResponseSchema.safeParse({ ...mapped, sampling: { rule: 'newest' } }).success).toBe(
      false,
    );
  });

  it("accepts the labeler's next item: verdicts as logged, an old verdict read as input without an action", () => {
    const item = queueItemResponseSchema.parse(
      toQueueItemResponse(queueId, { requestId: 'req_7f3a', position: 3, remaining: 12 }, call),
    );
    expect(item.thresholds).toEqual({ violence: { input: 0.5, output: 0.45 } });
    expect(item.verdicts[2]).toEqual({
      check: 'lexicon',
      category: 'profanity',
      direction: 'input',
      score: 0,
      threshold: null,
      triggered: false,
      action: null,
    });
  });

  it('refuses an item with unknown fields, directions or actions', () => {
    const mapped = toQueueItemResponse(queueId, { requestId: 'req_7f3a', position: 3, remaining: 12 }, call);
    expect(queueItemResponseSchema.safeParse({ ...mapped, applicationId: 'x' }).success).toBe(false);
    const [first] = mapped.verdicts;
    expect(
      queueItemResponseSchema.safeParse({ ...mapped, verdicts: [{ ...first, direction: 'both' }] }).success,
    ).toBe(false);
    expect(
      queueItemResponseSchema.safeParse({ ...mapped, verdicts: [{ ...first, action: 'warn' }] }).success,
    ).toBe(false);
  });

  it('accepts a staff label and refuses the raw row and an unknown source', () => {
    expect(labelResponseSchema.parse(toLabelResponse(label()))).toMatchObject({
      falsePositive: true,
      refundedPoints: 1.5,
    });
    expect(labelResponseSchema.safeParse(label()).success).toBe(false);
    expect(labelResponseSchema.safeParse({ ...toLabelResponse(label()), source: 'model' }).success).toBe(
      false,
    );
  });
});
