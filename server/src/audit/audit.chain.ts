import { createHash } from 'node:crypto';

/** The fields each hash covers: everything about an event except its row id and its own hash. */
export interface ChainedEvent {
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
}

export interface StoredEvent extends Omit<ChainedEvent, 'at'> {
  at: Date | string;
  prevHash: string | null;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same event always hashes the same way
 * whatever order Postgres' jsonb hands its keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 over the previous hash (empty for the first event) followed by the canonical JSON of the event's chained
 * fields, picked one by one so that nothing else riding on the object (its id, its own hash) is ever covered.
 */
export function chainHash(prevHash: string | null, event: ChainedEvent): string {
  const fields: ChainedEvent = {
    seq: event.seq,
    at: event.at,
    actorType: event.actorType,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
  };
  return createHash('sha256')
    .update(prevHash ?? '')
    .update(canonicalJson(fields))
    .digest('hex');
}

function toChainedEvent(stored: StoredEvent): ChainedEvent {
  return { ...stored, at: stored.at instanceof Date ? stored.at.toISOString() : stored.at };
}

/**
 * Walks the chain in seq order. An event is valid when its seq follows the previous one without a gap, its
 * `prevHash` is the hash the walk computed for the previous event, and its own hash recomputes; the first
 * event that is not is where tampering (or a gap) starts.
 */
export class ChainVerifier {
  private checked = 0;
  private expectedPrev: string | null = null;
  private expectedSeq = 1;
  private firstInvalid: number | null = null;

  /** Returns false once the chain is broken; later events are not looked at. */
  check(stored: StoredEvent): boolean {
    if (this.firstInvalid !== null) {
      return false;
    }
    this.checked++;
    const hash = chainHash(this.expectedPrev, toChainedEvent(stored));
    if (stored.seq !== this.expectedSeq || stored.prevHash !== this.expectedPrev || stored.hash !== hash) {
      this.firstInvalid = stored.seq;
      return false;
    }
    this.expectedPrev = hash;
    this.expectedSeq++;
    return true;
  }

  result(): { valid: boolean; checked: number; firstInvalidSeq: number | null } {
    return { valid: this.firstInvalid === null, checked: this.checked, firstInvalidSeq: this.firstInvalid };
  }
}
