import { z } from 'zod';

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
