import { listContract } from '../common/list-query';
import { HELD_STATUSES, type HeldCompletionBody, type HeldCompletionStaffResponse } from '../contracts';
import type { HeldCompletionRow } from './held-completions.repository';
import type { HeldCompletionAdminRow } from './held-completions.service';

export type { HeldCompletionStaffResponse };
/** The developer's `GET /v1/held_completions/:id` body, as the contract declares it. */
export type HeldCompletionResponse = HeldCompletionBody;

/** What staff may sort and filter held-completions by; the repository maps each name to SQL. */
export const HELD_COMPLETION_LIST = listContract({
  resource: 'held-completions',
  sortable: ['id', 'createdAt', 'status', 'applicationName'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'text' },
    status: { kind: 'values', type: 'text', allowed: HELD_STATUSES },
    applicationId: { kind: 'values', type: 'uuid' },
    endUser: { kind: 'values', type: 'text' },
    q: { kind: 'text' },
  },
});
export type HeldCompletionSortField = (typeof HELD_COMPLETION_LIST.sortable)[number];
export type HeldCompletionFilterField = keyof typeof HELD_COMPLETION_LIST.filters;

/** `present` shapes a released completion as its route answers (a chat's in the chat shape). */
export function toHeldCompletionResponse(
  row: HeldCompletionRow,
  present: (response: unknown) => unknown = (response) => response,
): HeldCompletionResponse {
  return {
    id: row.id,
    object: 'held_completion',
    status: row.status,
    request_id: row.request_id,
    created: Math.floor(new Date(row.created_at).getTime() / 1000),
    decided_at: row.decided_at ? Math.floor(new Date(row.decided_at).getTime() / 1000) : null,
    reason: row.decision_reason,
    completion: row.status === 'released' ? present(row.response) : null,
  };
}

/** The staff view of a held output: the row's fields, dates as ISO strings. */
export function toHeldCompletionStaffResponse(row: HeldCompletionAdminRow): HeldCompletionStaffResponse {
  return {
    id: row.id,
    requestId: row.requestId,
    applicationId: row.applicationId,
    applicationName: row.applicationName,
    apiKeyId: row.apiKeyId,
    endUser: row.endUser,
    model: row.model,
    prompt: row.prompt,
    response: row.response,
    verdicts: row.verdicts,
    status: row.status,
    decidedBy: row.decidedBy,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
