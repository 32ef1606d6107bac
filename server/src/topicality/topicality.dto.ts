import { listContract } from '../common/list-query';
import {
  Topics,
  TOPIC_PROPOSAL_STATUSES,
  TopicProposalStatus,
  type ModerationActionName,
  type PortalTopicsResponse,
  type TopicalityPreviewItem,
  type TopicalityPreviewResponse,
  type TopicalityPreviewSource,
  type TopicProposalResponse,
} from '../contracts';

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

export type { PortalTopicsResponse, TopicalityPreviewItem, TopicalityPreviewResponse, TopicProposalResponse };

/** The judged calls of a preview and what it judged them against; the figures are counted here. */
export interface PreviewJudgment {
  applicationId: string;
  source: TopicalityPreviewSource;
  topics: Topics | null;
  threshold: number;
  action: ModerationActionName;
  /** Sandbox calls read. */
  requests: number;
  /** One per call with a text the check would judge, in any order. */
  items: TopicalityPreviewItem[];
}

/** Worst scores first; the answer lists at most this many calls (the counts cover all of them). */
export const PREVIEW_ITEMS = 100;

export function toTopicalityPreviewResponse(judgment: PreviewJudgment): TopicalityPreviewResponse {
  const { items, ...judged } = judgment;
  const offTopic = items.filter((item) => item.offTopic).length;
  return {
    ...judged,
    judged: items.length,
    offTopic,
    offTopicRate: items.length ? Math.round((offTopic / items.length) * 1e4) / 1e4 : 0,
    items: [...items].sort((a, b) => b.score - a.score).slice(0, PREVIEW_ITEMS),
  };
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
