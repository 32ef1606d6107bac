import { listContract } from '../common/list-query';
import { Topics, TOPIC_PROPOSAL_STATUSES, TopicProposalStatus } from '../contracts';

export const TOPIC_PROPOSAL_LIST = listContract({
  resource: 'topic-proposals',
  sortable: ['createdAt', 'decidedAt', 'status', 'applicationName'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    applicationId: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: TOPIC_PROPOSAL_STATUSES },
    q: { kind: 'text' },
  },
});
export type TopicProposalSortField = (typeof TOPIC_PROPOSAL_LIST.sortable)[number];
export type TopicProposalFilterField = keyof typeof TOPIC_PROPOSAL_LIST.filters;

/** A topic proposal as the repository reads it, with the topics it would replace. */
export interface TopicProposalRow {
  id: string;
  applicationId: string;
  applicationName: string;
  organizationId: string;
  topics: Topics;
  /** The application's topics now (its model's, else its questionnaire's). */
  currentTopics: Topics | null;
  status: TopicProposalStatus;
  proposedByEmail: string | null;
  reviewerEmail: string | null;
  note: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface TopicProposalResponse {
  id: string;
  applicationId: string;
  applicationName: string;
  topics: Topics;
  currentTopics: Topics | null;
  status: TopicProposalStatus;
  proposedByEmail: string | null;
  reviewerEmail: string | null;
  note: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** An application's topics as its developer sees them, with the proposals they made. */
export interface PortalTopicsResponse {
  applicationId: string;
  topics: Topics | null;
  /** When the topic model the check uses was built; null before approval (or without topics). */
  modelBuiltAt: string | null;
  proposals: TopicProposalResponse[];
}

export interface TopicalityPreviewItem {
  requestId: string;
  createdAt: string;
  endpoint: string;
  /** The judged text that scored worst, cut to 300 characters. */
  text: string;
  score: number;
  allowed: number;
  forbidden: number;
  offTopic: boolean;
}

export interface TopicalityPreviewResponse {
  applicationId: string;
  /** Which topics were judged against: the stored model's, a proposal's, or the questionnaire's (before approval). */
  source: 'model' | 'proposal' | 'questionnaire';
  topics: Topics | null;
  threshold: number;
  action: string;
  /** Sandbox calls read (the latest, at most PREVIEW_WINDOW). */
  requests: number;
  /** Calls with a text the check would judge (not every call has a content word). */
  judged: number;
  offTopic: number;
  /** offTopic / judged, 0 when nothing was judged. */
  offTopicRate: number;
  /** The judged calls, worst score first (at most 100). */
  items: TopicalityPreviewItem[];
}

export function toTopicProposalResponse(row: TopicProposalRow): TopicProposalResponse {
  return {
    id: row.id,
    applicationId: row.applicationId,
    applicationName: row.applicationName,
    topics: row.topics,
    currentTopics: row.currentTopics,
    status: row.status,
    proposedByEmail: row.proposedByEmail,
    reviewerEmail: row.reviewerEmail,
    note: row.note,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
