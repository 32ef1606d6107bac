import { AuditEventRow } from './audit.repository';
import { ChainStatus } from './audit.types';

export interface AuditEventResponse {
  id: string;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
  prevHash: string | null;
}

export type ChainStatusResponse = ChainStatus;

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
