import { z } from 'zod';
import { MODERATION_ACTIONS } from './moderation';
import { share, timestamp } from './shapes';

/**
 * What an application is for, as its topic model reads it: example prompts and allowed topics (what end users may
 * ask), forbidden topics (what they must not). Filed with the questionnaire; changed after approval only through a
 * staff-reviewed proposal.
 */
export const TOPIC_LIMITS = { items: 50, exampleChars: 1000, topicChars: 200 } as const;

const example = z.string().trim().min(3).max(TOPIC_LIMITS.exampleChars);
const topic = z.string().trim().min(2).max(TOPIC_LIMITS.topicChars);

/** The questionnaire's topic fields; optional there, because applications filed before them have none. */
export const questionnaireTopicFields = {
  examplePrompts: z.array(example).max(TOPIC_LIMITS.items).optional(),
  allowedTopics: z.array(topic).max(TOPIC_LIMITS.items).optional(),
  forbiddenTopics: z.array(topic).max(TOPIC_LIMITS.items).optional(),
};

/** A complete set of topics: what a proposal carries and what a topic model is built from. */
export const topicsSchema = z
  .object({
    examplePrompts: z.array(example).max(TOPIC_LIMITS.items),
    allowedTopics: z.array(topic).max(TOPIC_LIMITS.items),
    forbiddenTopics: z.array(topic).max(TOPIC_LIMITS.items),
  })
  .strict()
  .refine((topics) => topics.examplePrompts.length + topics.allowedTopics.length > 0, {
    message: 'give at least one example prompt or allowed topic',
  });
export type Topics = z.infer<typeof topicsSchema>;

export const TopicProposalStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
} as const;
export type TopicProposalStatus = (typeof TopicProposalStatus)[keyof typeof TopicProposalStatus];
export const TOPIC_PROPOSAL_STATUSES = Object.values(TopicProposalStatus);

/** A staff decision on a topic proposal; a rejection says why, so the developer can revise it. */
export const topicProposalDecisionSchema = z
  .object({ note: z.string().trim().max(2000).optional() })
  .strict();

/** A developer's proposal to change an approved application's topics (`/admin/topic-proposals`, `/portal`). */
export const topicProposalResponseSchema = z.strictObject({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationName: z.string(),
  topics: topicsSchema,
  /** The application's topics now (its model's, else its questionnaire's). */
  currentTopics: topicsSchema.nullable(),
  status: z.enum(TOPIC_PROPOSAL_STATUSES),
  proposedByEmail: z.string().nullable(),
  reviewerEmail: z.string().nullable(),
  note: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type TopicProposalResponse = z.infer<typeof topicProposalResponseSchema>;

/** `GET /portal/applications/:id/topics`: an application's topics as its developer sees them, with their proposals. */
export const portalTopicsResponseSchema = z.strictObject({
  applicationId: z.uuid(),
  topics: topicsSchema.nullable(),
  /** When the topic model the check uses was built; null before approval (or without topics). */
  modelBuiltAt: timestamp.nullable(),
  /** The latest 20, newest first. */
  proposals: z.array(topicProposalResponseSchema),
});
export type PortalTopicsResponse = z.infer<typeof portalTopicsResponseSchema>;

/** Which topics a preview judged against: the stored model's, a proposal's, or the questionnaire's (before approval). */
export const TOPICALITY_PREVIEW_SOURCES = ['model', 'proposal', 'questionnaire'] as const;
export type TopicalityPreviewSource = (typeof TOPICALITY_PREVIEW_SOURCES)[number];

const score = share;

export const topicalityPreviewItemSchema = z.strictObject({
  requestId: z.string(),
  createdAt: timestamp,
  endpoint: z.string().startsWith('/v1/'),
  /** The judged text that scored worst, cut to 300 characters. */
  text: z.string().max(300),
  score,
  /** Best similarity to an allowed topic and to a forbidden one. */
  allowed: score,
  forbidden: score,
  offTopic: z.boolean(),
});
export type TopicalityPreviewItem = z.infer<typeof topicalityPreviewItemSchema>;

/** `GET /admin/applications/:id/topicality-preview[?proposalId=]`: the off-topic check over its sandbox calls. */
export const topicalityPreviewResponseSchema = z.strictObject({
  applicationId: z.uuid(),
  source: z.enum(TOPICALITY_PREVIEW_SOURCES),
  topics: topicsSchema.nullable(),
  threshold: score,
  action: z.enum(MODERATION_ACTIONS),
  /** Sandbox calls read. */
  requests: z.number().int().min(0),
  /** Calls with a text the check would judge (not every call has a content word). */
  judged: z.number().int().min(0),
  offTopic: z.number().int().min(0),
  /** offTopic / judged, 0 when nothing was judged. */
  offTopicRate: score,
  /** The judged calls, worst score first (at most 100). */
  items: z.array(topicalityPreviewItemSchema).max(100),
});
export type TopicalityPreviewResponse = z.infer<typeof topicalityPreviewResponseSchema>;
