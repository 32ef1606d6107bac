import { listContract } from '../common/list-query';
import type { AuditEventRow } from './audit.repository';
import type { AuditEventResponse, ChainStatusResponse } from '../contracts';

export type { AuditEventResponse, ChainStatusResponse };

/** What staff may sort and filter audit-log by; the repository maps each name to SQL. */
export const AUDIT_LIST = listContract({
  resource: 'audit-log',
  sortable: ['seq', 'id', 'at', 'action', 'actorEmail', 'entityType'],
  defaultSort: { field: 'seq', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    seq: { kind: 'values', type: 'int' },
    actorType: { kind: 'values', type: 'text' },
    actorId: { kind: 'values', type: 'uuid' },
    action: { kind: 'values', type: 'text' },
    entityType: { kind: 'values', type: 'text' },
    entityId: { kind: 'values', type: 'text' },
    requestId: { kind: 'values', type: 'text' },
    q: { kind: 'text' },
  },
});
export type AuditEventSortField = (typeof AUDIT_LIST.sortable)[number];
export type AuditEventFilterField = keyof typeof AUDIT_LIST.filters;

export function toAuditEventResponse(row: AuditEventRow): AuditEventResponse {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}
