import { canonicalJson, ChainedEvent, chainHash, ChainVerifier, StoredEvent } from './audit.chain';

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= count; seq++) {
    const event: ChainedEvent = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorType: 'staff',
      actorId: '00000000-0000-4000-8000-000000000001',
      actorEmail: 'reviewer@example.com',
      action: 'api_key.suspended',
      entityType: 'api_key',
      entityId: `key-${seq}`,
      before: { status: 'active', nested: { b: 1, a: [1, 'x'] } },
      after: { status: 'suspended' },
      requestId: `req_${seq}`,
    };
    const hash = chainHash(prevHash, event);
    events.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

function verify(events: StoredEvent[]) {
  const verifier = new ChainVerifier();
  events.every((event) => verifier.check(event));
  return verifier.result();
}

describe('audit hash chain', () => {
  it('serializes objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('hashes the same event the same way whatever the key order', () => {
    const [event] = chain(1);
    const reordered = JSON.parse(
      JSON.stringify({ ...event, before: { nested: { a: [1, 'x'], b: 1 }, status: 'active' } }),
    ) as StoredEvent;
    expect(chainHash(null, { ...reordered, at: event.at as string })).toBe(event.hash);
  });

  it('verifies an intact chain', () => {
    expect(verify(chain(5))).toEqual({ valid: true, checked: 5, firstInvalidSeq: null });
  });

  it('names the first altered event', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { status: 'active' } };
    expect(verify(events)).toEqual({ valid: false, checked: 3, firstInvalidSeq: 3 });
  });

  it('catches an altered event whose own hash was recomputed, at the next event', () => {
    const events = chain(5);
    const altered = { ...events[1], actorEmail: 'someone-else@example.com' };
    events[1] = { ...altered, hash: chainHash(altered.prevHash, { ...altered, at: altered.at as string }) };
    expect(verify(events).firstInvalidSeq).toBe(3);
  });

  it('catches a deleted event', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verify(events).firstInvalidSeq).toBe(3);
  });
});
