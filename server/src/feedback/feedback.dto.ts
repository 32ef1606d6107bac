import { z } from 'zod';
import { listContract } from '../common/list-query';
import {
  CategoryAgreement,
  DIRECTIONS,
  LABEL_SOURCES,
  LabelRating,
  LabelSource,
  MODERATION_ACTIONS,
  QUEUE_STATUSES,
  QueueStatus,
  Sampling,
  type ItemVerdict,
  type LabelQueueResponse,
  type LabelResponse,
  type QueueItemResponse,
} from '../contracts';
import { isModerationCategory } from '../moderation/moderation.types';
import { validateBody } from '../v1/completions.dto';
import { UnknownCategoryError } from './feedback.errors';

/** What staff may sort and filter labels by; the repository maps each name to SQL. */
export const LABEL_LIST = listContract({
  resource: 'labels',
  sortable: ['id', 'createdAt', 'source'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    requestId: { kind: 'values', type: 'text' },
    applicationId: { kind: 'values', type: 'uuid' },
    queueId: { kind: 'values', type: 'uuid' },
    staffUserId: { kind: 'values', type: 'uuid' },
    source: { kind: 'values', type: 'text', allowed: LABEL_SOURCES },
    rating: { kind: 'values', type: 'text', allowed: [LabelRating.Good, LabelRating.Bad] },
    falsePositive: { kind: 'values', type: 'text', allowed: ['true', 'false'] },
  },
});
export type LabelSortField = (typeof LABEL_LIST.sortable)[number];
export type LabelFilterField = keyof typeof LABEL_LIST.filters;

export const LABEL_QUEUE_LIST = listContract({
  resource: 'label-queues',
  sortable: ['id', 'createdAt', 'name', 'status'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: QUEUE_STATUSES },
    q: { kind: 'text' },
  },
});
export type LabelQueueSortField = (typeof LABEL_QUEUE_LIST.sortable)[number];
export type LabelQueueFilterField = keyof typeof LABEL_QUEUE_LIST.filters;

/** `POST /v1/feedback` (Warden's own route, in OpenAI's style: snake_case, the OpenAI error envelope). */
const feedbackSchema = z
  .object({
    id: z.string().min(1).max(200),
    rating: z.enum([LabelRating.Good, LabelRating.Bad]),
    categories: z.array(z.string().max(100)).max(50).optional(),
    comment: z.string().max(4000).optional(),
    user: z.string().min(1).max(256).optional(),
    safety_identifier: z.string().min(1).max(256).optional(),
  })
  .strict();

export interface FeedbackInput {
  /** The request id (`req_…`) behind the id the caller was given. */
  requestId: string;
  rating: LabelRating;
  categories: string[];
  comment: string | null;
  endUser: string | null;
}

/** Completion ids are the request id with another prefix: `cmpl-X` and `chatcmpl-X` are the call `req_X`. */
export function requestIdOf(id: string): string {
  const match = /^(?:chatcmpl|cmpl|modr)-(.+)$/.exec(id);
  return match ? `req_${match[1]}` : id;
}

export function parseFeedback(body: unknown): FeedbackInput {
  const {
    id,
    rating,
    categories = [],
    comment,
    user,
    safety_identifier,
  } = validateBody(feedbackSchema, body);
  assertKnownCategories(categories);
  return {
    requestId: requestIdOf(id),
    rating,
    categories: [...new Set(categories)],
    comment: comment ?? null,
    endUser: safety_identifier ?? user ?? null,
  };
}

export function assertKnownCategories(categories: Iterable<string>, param = 'categories'): void {
  const unknown = [...categories].filter((category) => !isModerationCategory(category));
  if (unknown.length > 0) throw new UnknownCategoryError(unknown, param);
}

export interface LabelRow {
  id: string;
  requestId: string;
  applicationId: string | null;
  source: LabelSource;
  queueId: string | null;
  staffUserId: string | null;
  endUser: string | null;
  rating: LabelRating | null;
  categories: Record<string, boolean>;
  falsePositive: boolean;
  comment: string | null;
  createdAt: Date;
  /** Strike points refunded to the end user because of this label (0 when none). */
  refundedPoints: number;
}

export type { ItemVerdict, LabelQueueResponse, LabelResponse, QueueItemResponse };

export interface FeedbackResponse {
  id: string;
  object: 'feedback';
  request_id: string;
  source: LabelSource;
  rating: LabelRating | null;
  categories: string[];
  comment: string | null;
  end_user: string | null;
  created_at: number;
}

export interface LabelQueueRow {
  id: string;
  name: string;
  filter: Record<string, unknown>;
  sampling: Sampling;
  targetSize: number;
  labelsPerItem: LabelQueueResponse['labelsPerItem'];
  status: QueueStatus;
  createdBy: string | null;
  createdAt: Date;
  items: number;
  completed: number;
  labels: number;
  skipped: number;
}

export function toFeedbackResponse(row: LabelRow): FeedbackResponse {
  return {
    id: row.id,
    object: 'feedback',
    request_id: row.requestId,
    source: row.source,
    rating: row.rating,
    categories: Object.keys(row.categories).filter((category) => row.categories[category]),
    comment: row.comment,
    end_user: row.endUser,
    created_at: Math.floor(row.createdAt.getTime() / 1000),
  };
}

export function toLabelResponse(row: LabelRow): LabelResponse {
  return {
    id: row.id,
    requestId: row.requestId,
    applicationId: row.applicationId,
    source: row.source,
    queueId: row.queueId,
    staffUserId: row.staffUserId,
    endUser: row.endUser,
    rating: row.rating,
    categories: row.categories,
    falsePositive: row.falsePositive,
    comment: row.comment,
    refundedPoints: row.refundedPoints,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toLabelQueueResponse(
  row: LabelQueueRow,
  agreement?: CategoryAgreement[],
): LabelQueueResponse {
  return {
    id: row.id,
    name: row.name,
    filter: row.filter,
    sampling: row.sampling,
    targetSize: row.targetSize,
    labelsPerItem: row.labelsPerItem,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    progress: { items: row.items, completed: row.completed, labels: row.labels, skipped: row.skipped },
    ...(agreement ? { agreement } : {}),
  };
}

/** A call as a queue item shows it: its texts already flattened for reading. */
export interface QueueItemCall {
  createdAt: Date;
  endpoint: string;
  model: string | null;
  prompt: string | null;
  output: string | null;
  /** The request log's verdicts, as stored (older rows may lack a direction, threshold or action). */
  verdicts: unknown;
}

export function toQueueItemResponse(
  queueId: string,
  item: { requestId: string; position: number; remaining: number },
  call: QueueItemCall,
): QueueItemResponse {
  const verdicts = (Array.isArray(call.verdicts) ? call.verdicts : []) as Array<Record<string, unknown>>;
  const shown = verdicts.map(toItemVerdict);
  const thresholds: QueueItemResponse['thresholds'] = {};
  for (const verdict of shown) {
    if (verdict.threshold === null) continue;
    const entry = (thresholds[verdict.category] ??= {});
    entry[verdict.direction] = Math.min(entry[verdict.direction] ?? Infinity, verdict.threshold);
  }
  return {
    queueId,
    requestId: item.requestId,
    position: item.position,
    remaining: item.remaining,
    createdAt: call.createdAt.toISOString(),
    endpoint: call.endpoint,
    model: call.model,
    prompt: call.prompt,
    output: call.output,
    verdicts: shown,
    thresholds,
  };
}

function toItemVerdict(verdict: Record<string, unknown>): ItemVerdict {
  const action = MODERATION_ACTIONS.find((known) => known === verdict.action);
  return {
    check: String(verdict.check),
    category: String(verdict.category),
    direction: verdict.direction === DIRECTIONS[1] ? DIRECTIONS[1] : DIRECTIONS[0],
    score: Number(verdict.score),
    threshold: typeof verdict.threshold === 'number' ? verdict.threshold : null,
    triggered: verdict.triggered === true,
    action: action ?? null,
  };
}

/** What a developer sees of a label on their application's call: which staff member gave it is not theirs to know. */
export type PortalLabelResponse = Omit<LabelResponse, 'staffUserId' | 'queueId'>;

export function toPortalLabelResponse(row: LabelRow): PortalLabelResponse {
  const { staffUserId: _staff, queueId: _queue, ...visible } = toLabelResponse(row);
  return visible;
}
