import { auditEventResponseSchema, chainStatusResponseSchema } from '../contracts';
import { chainHash } from './audit.chain';
import { toAuditEventResponse } from './audit.dto';
import type { AuditEventRow } from './audit.repository';

const row = (): AuditEventRow => ({
  id: '0f8e4bd2-6d38-4b57-9f0a-f3e2c3b1a001',
  // bigint columns arrive from pg as strings
  seq: '42',
  at: new Date('2026-11-02T10:00:00Z'),
  actorType: 'staff',
  actorId: '0f8e4bd2-6d38-4b57-9f0a-f3e2c3b1a002',
  actorEmail: 'admin@example.com',
  action: 'application.decision',
  entityType: 'application',
  entityId: '0f8e4bd2-6d38-4b57-9f0a-f3e2c3b1a003',
  before: { status: 'sandbox' },
  after: { status: 'live' },
  requestId: 'req_1',
  hash: chainHash(null, {
    seq: 42,
    at: '2026-11-02T10:00:00.000Z',
    actorType: 'staff',
    actorId: null,
    actorEmail: null,
    action: 'application.decision',
    entityType: 'application',
    entityId: null,
    before: null,
    after: null,
    requestId: null,
  }),
  prevHash: null,
});

describe('audit contract', () => {
  it('accepts an audit event as the server answers it (seq as a number)', () => {
    const parsed = auditEventResponseSchema.parse(toAuditEventResponse(row()));
    expect(parsed.seq).toBe(42);
    expect(parsed.at).toBe('2026-11-02T10:00:00.000Z');
  });

  it('refuses an unmapped row (seq as a string, a Date instant) and a hash that is not sha256 hex', () => {
    expect(auditEventResponseSchema.safeParse(row()).success).toBe(false);
    expect(
      auditEventResponseSchema.safeParse({ ...toAuditEventResponse(row()), hash: 'not-a-hash' }).success,
    ).toBe(false);
  });

  it('reads the chain status', () => {
    expect(chainStatusResponseSchema.parse({ valid: true, checked: 10, firstInvalidSeq: null })).toBeTruthy();
    expect(chainStatusResponseSchema.safeParse({ valid: 'yes', checked: 10 }).success).toBe(false);
  });
});
