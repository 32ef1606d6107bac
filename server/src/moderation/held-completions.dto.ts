import { HeldCompletionRow } from './held-completions.repository';

export interface HeldCompletionResponse {
  id: string;
  object: 'held_completion';
  status: HeldCompletionRow['status'];
  request_id: string;
  created: number;
  decided_at: number | null;
  reason: string | null;
  /** The completion exactly as it would have been answered, present only once staff release it. */
  completion: unknown;
}

export function toHeldCompletionResponse(row: HeldCompletionRow): HeldCompletionResponse {
  return {
    id: row.id,
    object: 'held_completion',
    status: row.status,
    request_id: row.request_id,
    created: Math.floor(new Date(row.created_at).getTime() / 1000),
    decided_at: row.decided_at ? Math.floor(new Date(row.decided_at).getTime() / 1000) : null,
    reason: row.decision_reason,
    completion: row.status === 'released' ? row.response : null,
  };
}
