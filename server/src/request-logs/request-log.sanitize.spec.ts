import { RequestLogRecord } from './request-log.record';
import { MAX_STORED_END_USER, sanitizeRecord } from './request-log.sanitize';

const record = (overrides: Partial<RequestLogRecord>): RequestLogRecord => ({
  requestId: 'req_1',
  createdAt: '2026-01-01T00:00:00.000Z',
  endpoint: '/v1/completions',
  apiKeyId: null,
  applicationId: null,
  organizationId: null,
  endUser: null,
  model: 'm',
  prompt: 'hello',
  output: null,
  stream: false,
  statusCode: 200,
  errorCode: null,
  errorMessage: null,
  finishReasons: null,
  promptTokens: null,
  completionTokens: null,
  latencyMs: 1,
  timeToFirstTokenMs: null,
  verdicts: [],
  clientIp: null,
  ...overrides,
});

describe('sanitizeRecord', () => {
  it('returns a clean record as it came, not a copy', () => {
    const clean = record({
      prompt: ['hello', 'ok \ud83d\ude00'],
      verdicts: [
        {
          check: 'lexicon',
          category: 'hate',
          score: 1,
          spans: [{ start: 0, end: 5 }],
          direction: 'input',
          threshold: 0.5,
          triggered: true,
          action: 'block',
        },
      ],
    });
    expect(sanitizeRecord(clean)).toBe(clean);
    expect(clean.sanitized).toBeUndefined();
  });

  it('clears a note a clean record arrived with', () => {
    const noted = record({ sanitized: ['prompt: NUL characters replaced with U+FFFD'] });
    expect(sanitizeRecord(noted)).toEqual({ ...noted, sanitized: null });
  });

  it('copies only the fields it cleans, leaving the record it was given unchanged', () => {
    const verdicts: unknown[] = [];
    const dirty = record({ prompt: 'a\u0000b', verdicts });
    const clean = sanitizeRecord(dirty);
    expect(clean.prompt).toBe('a\ufffdb');
    expect(clean.verdicts).toBe(verdicts);
    expect(dirty.prompt).toBe('a\u0000b');
    expect(dirty.sanitized).toBeUndefined();
  });

  it('replaces NUL characters and lone surrogates everywhere, keeping pairs, and says where', () => {
    const clean = sanitizeRecord(
      record({
        prompt: ['a\u0000b', 'ok \ud83d\ude00'],
        output: [{ index: 0, text: 'x\udc00y', finish_reason: 'stop' }],
      }),
    );
    expect(clean.prompt).toEqual(['a\ufffdb', 'ok \ud83d\ude00']);
    expect(clean.output![0].text).toBe('x\ufffdy');
    expect(clean.sanitized).toEqual([
      'prompt: NUL characters replaced with U+FFFD',
      'output: lone surrogates replaced with U+FFFD',
    ]);
  });

  it('shortens an oversized end user to a prefix and its digest, distinct per value', () => {
    const a = sanitizeRecord(record({ endUser: 'u'.repeat(5000) }));
    const b = sanitizeRecord(record({ endUser: `${'u'.repeat(4999)}v` }));
    expect(a.endUser!.length).toBeLessThanOrEqual(MAX_STORED_END_USER);
    expect(a.endUser).not.toBe(b.endUser);
    expect(a.sanitized).toEqual([expect.stringMatching(/^end_user:/)]);
  });
});
