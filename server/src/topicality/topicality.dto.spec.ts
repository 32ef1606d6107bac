import {
  portalTopicsResponseSchema,
  topicalityPreviewResponseSchema,
  topicProposalResponseSchema,
  TopicProposalStatus,
} from '../contracts';
import { buildTopicModel, scoreTopicality } from './topic-model';
import {
  PREVIEW_ITEMS,
  TopicProposalRow,
  toTopicalityPreviewResponse,
  toTopicProposalResponse,
} from './topicality.dto';

const applicationId = '3d5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a01';
const topics = {
  examplePrompts: ['How do I reset my router password?'],
  allowedTopics: ['home networking', 'router setup'],
  forbiddenTopics: ['medical advice'],
};

const proposal = (overrides: Partial<TopicProposalRow> = {}): TopicProposalRow => ({
  id: '9c2e0c55-3f0e-4c61-b1d7-7a3c0e9f0a04',
  applicationId,
  applicationName: 'Router helper',
  organizationId: '7b5e0c55-3f0e-4c61-b1d7-7a3c0e9f0a03',
  topics: { ...topics, allowedTopics: [...topics.allowedTopics, 'mesh wifi'] },
  currentTopics: topics,
  status: TopicProposalStatus.Pending,
  proposedByEmail: 'dev@example.com',
  reviewerEmail: null,
  note: null,
  decidedAt: null,
  createdAt: new Date('2026-11-02T10:00:00Z'),
  ...overrides,
});

/** Preview items as the topic model judges real texts. */
const model = buildTopicModel(topics);
const judged = (requestId: string, text: string) => {
  const score = scoreTopicality(model, text)!;
  return {
    requestId,
    createdAt: '2026-11-02T09:00:00.000Z',
    endpoint: '/v1/completions',
    text,
    ...score,
    offTopic: score.score >= 0.6,
  };
};

describe('topicality contract', () => {
  it('accepts a topic proposal as staff and developers read it, pending and decided', () => {
    expect(topicProposalResponseSchema.parse(toTopicProposalResponse(proposal()))).toMatchObject({
      status: 'pending',
      decidedAt: null,
      createdAt: '2026-11-02T10:00:00.000Z',
    });
    const decided = proposal({
      status: TopicProposalStatus.Rejected,
      reviewerEmail: 'reviewer@example.com',
      note: 'mesh wifi is fine, but say which products',
      decidedAt: new Date('2026-11-02T11:00:00Z'),
    });
    expect(topicProposalResponseSchema.parse(toTopicProposalResponse(decided)).decidedAt).toBe(
      '2026-11-02T11:00:00.000Z',
    );
  });

  it('refuses the raw row (organization id, Date instants), unknown statuses and empty topics', () => {
    expect(topicProposalResponseSchema.safeParse(proposal()).success).toBe(false);
    const mapped = toTopicProposalResponse(proposal());
    expect(topicProposalResponseSchema.safeParse({ ...mapped, organizationId: 'x' }).success).toBe(false);
    expect(topicProposalResponseSchema.safeParse({ ...mapped, status: 'withdrawn' }).success).toBe(false);
    const empty = { examplePrompts: [], allowedTopics: [], forbiddenTopics: [] };
    expect(topicProposalResponseSchema.safeParse({ ...mapped, topics: empty }).success).toBe(false);
  });

  it('accepts the developer’s topics view, before approval (no model) and with proposals', () => {
    const draft = { applicationId, topics: null, modelBuiltAt: null, proposals: [] };
    expect(portalTopicsResponseSchema.parse(draft)).toEqual(draft);
    const live = {
      applicationId,
      topics,
      modelBuiltAt: '2026-11-01T08:00:00.000Z',
      proposals: [toTopicProposalResponse(proposal())],
    };
    expect(portalTopicsResponseSchema.parse(live).proposals[0].status).toBe('pending');
    expect(portalTopicsResponseSchema.safeParse({ ...live, modelBuiltAt: new Date() }).success).toBe(false);
  });

  it('accepts a preview: counts over every judged call, worst first, at most PREVIEW_ITEMS listed', () => {
    const items = [
      judged('req_1', 'How do I reset my router password?'),
      judged('req_2', 'Which medical advice do you give for a headache?'),
      ...Array.from({ length: PREVIEW_ITEMS }, (_, i) =>
        judged(`req_x${i}`, 'router setup for home networking'),
      ),
    ];
    const preview = topicalityPreviewResponseSchema.parse(
      toTopicalityPreviewResponse({
        applicationId,
        source: 'questionnaire',
        topics,
        threshold: 0.6,
        action: 'flag',
        requests: 120,
        items,
      }),
    );
    expect(preview.judged).toBe(PREVIEW_ITEMS + 2);
    expect(preview.items).toHaveLength(PREVIEW_ITEMS);
    expect(preview.items[0].requestId).toBe('req_2');
    expect(preview.offTopic).toBe(items.filter((item) => item.offTopic).length);
  });

  it('refuses a preview with unknown fields, an unknown source or action, and a rate above 1', () => {
    const mapped = toTopicalityPreviewResponse({
      applicationId,
      source: 'model',
      topics: null,
      threshold: 0.6,
      action: 'block',
      requests: 0,
      items: [],
    });
    expect(topicalityPreviewResponseSchema.parse(mapped)).toMatchObject({ judged: 0, offTopicRate: 0 });
    expect(topicalityPreviewResponseSchema.safeParse({ ...mapped, window: 500 }).success).toBe(false);
    expect(topicalityPreviewResponseSchema.safeParse({ ...mapped, source: 'guess' }).success).toBe(false);
    expect(topicalityPreviewResponseSchema.safeParse({ ...mapped, action: 'warn' }).success).toBe(false);
    expect(topicalityPreviewResponseSchema.safeParse({ ...mapped, offTopicRate: 2 }).success).toBe(false);
  });
});
