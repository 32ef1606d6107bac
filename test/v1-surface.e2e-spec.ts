import { ChildProcess } from 'node:child_process';
import { testApiKey } from './support/keys';
import { apply, HttpResult, postJson, registerDeveloper, request, staffLogin } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { eventually, runCli, spawnOnFreePort, stopProcess, WardenInstance } from './support/warden';
import {
  CommonErrorCode,
  InferenceErrorCode,
  LimitsErrorCode,
  ModerationErrorCode,
  openAiAnswer,
} from './support/error-catalog';

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'admin-password-long-enough';

/**
 * The /v1 surface against a hostile client (issue 10): every text the client sends passes every stage, ids and
 * addresses are the server's, budgets count what is generated and bind the application, errors are Warden's own.
 */
describe('/v1 surface', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let applicationId: string;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'v1_surface', {
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_INIT_ADMIN_EMAIL: ADMIN_EMAIL,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
  });

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  /** Generous budgets and limits, so each test changes only what it is about. */
  const BASELINE = {
    limits: { maxPromptTokens: 2048, maxTokens: 512, maxTotalTokens: 2560 },
    rateLimits: {
      requestsPerMinute: 10_000,
      tokensPerMinute: 10_000_000,
      endUserRequestsPerMinute: 10_000,
      endUserTokensPerMinute: 10_000_000,
    },
    blocklist: { words: [], phrases: [], patterns: [] },
    categories: {
      blocklist: { input: { action: 'block' }, output: { action: 'block' } },
      violence: { input: { action: 'flag' }, output: { action: 'block' } },
      'check-failure': { input: { action: 'block' }, output: { action: 'block' } },
    },
  };

  /**
   * Whether a test may have left the policy other than BASELINE. Each test starts from BASELINE, but storing it is a
   * CLI run (seconds on a loaded machine), so it is stored again only after a test changed something.
   */
  let policyChanged = true;

  async function storePolicy(change: unknown): Promise<void> {
    const result = await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(change)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }

  /** Changes BASELINE for the current test only. */
  async function setPolicy(patch: Record<string, unknown>): Promise<void> {
    policyChanged = true;
    await storePolicy(patch);
  }

  const post = (
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    key = apiKey,
    url = warden.url,
  ) => postJson(url, path, key, body, { headers });

  function complete(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return post('/v1/completions', { model: 'house-model', max_tokens: 8, ...body }, headers);
  }

  async function logRow<T = Record<string, any>>(requestId: string): Promise<T> {
    const [row] = await eventually(
      () => warden.query<T>(`SELECT * FROM request_logs WHERE request_id = $1`, [requestId]),
      (rows) => rows.length === 1,
    );
    return row;
  }

  /** The `data:` payloads of an event stream, [DONE] left out. */
  async function streamEvents(body: Record<string, unknown>): Promise<Array<Record<string, any>>> {
    const response = await fetch(`${warden.url}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'house-model', stream: true, ...body }),
    });
    expect(response.status).toBe(200);
    return (await response.text())
      .split('\n\n')
      .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
      .map((event) => JSON.parse(event.slice(6)) as Record<string, any>);
  }

  async function awayFromWindowEdge(): Promise<void> {
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
  }

  beforeEach(async () => {
    if (!policyChanged) return;
    await storePolicy(BASELINE);
    policyChanged = false;
  });

  it('2: request ids are minted by the server; the client value is kept as a correlation id', async () => {
    const clientId = `client-chosen-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => complete({ prompt: 'hello there' }, { 'x-request-id': clientId })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const ids = answers.map((answer) => answer.requestId);
    expect(new Set(ids).size).toBe(20);
    expect(ids.every((id) => /^req_[0-9a-f]{24}$/.test(id))).toBe(true);
    expect(answers[0].headers.get('x-client-request-id')).toBe(clientId);
    const rows = await eventually(
      () =>
        warden.query<{ request_id: string }>(
          `SELECT request_id FROM request_logs WHERE client_request_id = $1`,
          [clientId],
        ),
      (found) => found.length === 20,
    );
    expect(new Set(rows.map((row) => row.request_id))).toEqual(new Set(ids));
  });

  it('3: /v1/moderations is held to the same key budget and input length limits as completions', async () => {
    await setPolicy({ rateLimits: { requestsPerMinute: 3 }, limits: { maxPromptTokens: 50 } });
    const tooLong = await post('/v1/moderations', { input: ['fine', 'word '.repeat(400)] });
    expect(tooLong).toMatchObject(openAiAnswer(LimitsErrorCode.PromptTooLong, 'input'));
    // A key of its own, whose per-minute counter no earlier test has touched.
    const created = await runCli(warden.env, ['keys:create', applicationId, 'moderations-budget']);
    const key = (JSON.parse(created.stdout) as { key: string }).key;
    await awayFromWindowEdge();
    const statuses: number[] = [];
    let last: HttpResult<Record<string, any>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await post('/v1/moderations', { input: 'a friendly sentence' }, {}, key);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.body.error.code).toBe(CommonErrorCode.RateLimitExceeded);
    expect(last!.headers.get('x-ratelimit-limit-requests')).toBe('3');
  });

  it('6: suffix is a prompt: moderated, length-limited, charged and logged', async () => {
    await setPolicy({ blocklist: { words: ['zanzibarite'] } });
    const blocked = await complete({ prompt: 'Tell me a story', suffix: 'about zanzibarite rocks' });
    expect(blocked).toMatchObject(openAiAnswer(ModerationErrorCode.ContentFilter));

    const huge = await complete({ prompt: 'hi', suffix: 'x'.repeat(3_000_000) });
    expect(huge).toMatchObject(openAiAnswer(LimitsErrorCode.PromptTooLong));

    const plain = await complete({ prompt: 'hi', max_tokens: 4 });
    const withSuffix = await complete({ prompt: 'hi', max_tokens: 4, suffix: 'y'.repeat(400) });
    expect(withSuffix.status).toBe(200);
    const remaining = (answer: HttpResult<Record<string, any>>) =>
      Number(answer.headers.get('x-ratelimit-remaining-tokens'));
    // A call without a suffix costs a handful of tokens; the suffix's ~100 tokens are charged on top.
    expect(remaining(plain) - remaining(withSuffix)).toBeGreaterThanOrEqual(100);
    const row = await logRow<{ suffix: string | null }>(withSuffix.requestId);
    expect(row.suffix).toBe('y'.repeat(400));
  });

  it('7: a blocklist pattern longer than the default holdback never leaks its start into a stream', async () => {
    await setPolicy({
      blocklist: { patterns: ['launch code(?: [a-z]{1,8}){10}'] },
      categories: { blocklist: { input: { action: 'allow' }, output: { action: 'block' } } },
    });
    const secret = 'launch code alpha bravo charlie delta echo foxtrot golf hotel india juliet';
    const events = await streamEvents({
      prompt: `one two three four five six ${secret} end`,
      max_tokens: 64,
    });
    const text = events.flatMap((event) => event.choices.map((choice: any) => choice.text)).join('');
    expect(text).not.toContain('launch');
    expect(events.at(-1)!.choices[0].finish_reason).toBe('content_filter');
  });

  it('7: patterns that could match without bound are refused with a 400 naming them', async () => {
    policyChanged = true; // if the refusal regressed, the pattern was stored
    const result = await runCli(warden.env, [
      'policies:set',
      applicationId,
      JSON.stringify({ blocklist: { patterns: ['secret.*'] } }),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('secret.*');
  });

  it('8: an output hold on a stream creates the held completion and ends the stream with its id', async () => {
    await setPolicy({
      blocklist: { words: ['zanzibarite'] },
      categories: { blocklist: { input: { action: 'allow' }, output: { action: 'hold' } } },
    });
    const events = await streamEvents({ prompt: 'tell me about zanzibarite rocks', max_tokens: 64 });
    const last = events.at(-1)!;
    expect(last.choices[0].finish_reason).toBe('content_filter');
    expect(last.warden).toMatchObject({
      status: 'held',
      held_completion_id: expect.stringMatching(/^held_/),
    });
    const heldId = last.warden.held_completion_id as string;
    const text = events.flatMap((event) => event.choices.map((choice: any) => choice.text)).join('');
    expect(text).not.toContain('zanzibarite');

    const admin = await staffLogin(warden.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const decided = await request(warden.url, 'POST', `/admin/held-completions/${heldId}/decisions`, {
      token: admin.token,
      body: { decision: 'release', reason: 'a geology question' },
    });
    expect(decided.status).toBe(200);
    const held = await fetch(`${warden.url}/v1/held-completions/${heldId}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const body = (await held.json()) as Record<string, any>;
    expect(body.status).toBe('released');
    expect(JSON.stringify(body)).toContain('zanzibarite');
  });

  it('9: redact on a classifier category blocks and names the category', async () => {
    await setPolicy({ categories: { violence: { input: { action: 'redact' } } } });
    const result = await complete({ prompt: 'I will kill you and your whole family with a knife' });
    expect(result).toMatchObject(openAiAnswer(ModerationErrorCode.ContentFilter));
    expect(result.body.error.message).toContain('violence');
    expect(result.body.error.message).not.toContain('()');
  });

  it('a check that throws is isolated, named in its verdict, and fails closed on input and output', async () => {
    policyChanged = true;
    // A pattern stored before patterns were validated (written straight to the database) makes the lexicon throw.
    await warden.query(
      `UPDATE policies SET rules = jsonb_set(rules, '{blocklist,patterns}', '["("]') WHERE application_id = $1`,
      [applicationId],
    );
    const change = async (patch: unknown) =>
      expect((await runCli(warden.env, ['policies:set', applicationId, JSON.stringify(patch)])).code).toBe(0);
    await change({ retentionDays: 30 }); // publishes the change, so every instance re-reads the stored policy

    const refused = await complete({ prompt: 'hello there' });
    expect(refused).toMatchObject(openAiAnswer(ModerationErrorCode.ContentFilter));
    expect(refused.body.error.message).toContain('check-failure: lexicon');
    const row = await logRow<{ verdicts: Array<Record<string, unknown>> }>(refused.requestId);
    expect(row.verdicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          check: 'lexicon',
          category: 'check-failure',
          triggered: true,
          action: 'block',
        }),
      ]),
    );
    expect(row.verdicts.find((verdict) => verdict.check === 'lexicon')!.error).toEqual(expect.any(String));

    const moderation = await post('/v1/moderations', {
      input: 'I will kill you and your whole family with a knife',
    });
    expect(moderation.status).toBe(200);
    expect(moderation.body.results[0].warden_categories['check-failure']).toBe(true);
    expect(moderation.body.results[0].categories.violence).toBe(true); // the other checks still ran

    await change({ categories: { 'check-failure': { input: { action: 'flag' } } } });
    const output = await complete({ prompt: 'hello there' });
    expect(output.status).toBe(200);
    expect(output.body.choices[0]).toMatchObject({ text: '', finish_reason: 'content_filter' });
  });

  describe('10: X-Forwarded-For', () => {
    let proxied: { url: string; child: ChildProcess } | undefined;

    afterAll(async () => {
      if (proxied) await stopProcess(proxied.child);
    });

    it('is ignored unless the peer is a configured proxy', async () => {
      const direct = await complete({ prompt: 'hello' }, { 'x-forwarded-for': '203.0.113.7' });
      expect(direct.status).toBe(200);
      expect((await logRow<{ client_ip: string }>(direct.requestId)).client_ip).toBe('127.0.0.1');

      const spawned = await spawnOnFreePort(
        { ...warden.env, PORT: undefined, WARDEN_TRUSTED_PROXIES: '127.0.0.1' },
        ['api'],
      );
      proxied = { url: spawned.url, child: spawned.child };
      const viaProxy = await post(
        '/v1/completions',
        { model: 'house-model', prompt: 'hello', max_tokens: 4 },
        { 'x-forwarded-for': '203.0.113.7' },
        apiKey,
        proxied.url,
      );
      expect(viaProxy.status).toBe(200);
      expect((await logRow<{ client_ip: string }>(viaProxy.requestId)).client_ip).toBe('203.0.113.7');
    });
  });

  it('11: upstream error bodies never reach the client; a 200 that is not JSON is upstream_bad_response', async () => {
    const failed = await complete({ prompt: 'trigger:500-leaky' });
    expect(failed).toMatchObject(openAiAnswer(InferenceErrorCode.UpstreamError));
    expect(failed.body.error.message).not.toMatch(/sk-live|10\.0\.0\.7|auth failed/);
    const rejected = await complete({ prompt: 'trigger:400' });
    expect(rejected).toMatchObject(openAiAnswer(InferenceErrorCode.UpstreamRejected));
    expect(rejected.body.error.message).not.toContain('max_tokens is too large for this model');
    const logged = await logRow<{ error_message: string }>(failed.requestId);
    expect(logged.error_message).not.toContain('sk-live-ABCDEF0123456789');
    // The operator still sees what the upstream said, in the server log, with the secret scrubbed.
    // Logs reach stdout in gathered asynchronous writes: the line can trail the logged row.
    const serverLine = await eventually(
      () =>
        Promise.resolve(
          warden.output.find((line) => line.includes(failed.requestId) && line.includes('upstreamStatus')),
        ),
      (line) => line !== undefined,
    );
    expect(serverLine).toContain('"upstreamStatus":500');
    expect(serverLine).toContain('10.0.0.7');
    expect(serverLine).not.toContain('ABCDEF0123456789');

    const notJson = await complete({ prompt: 'trigger:not-json' });
    expect(notJson).toMatchObject(openAiAnswer(InferenceErrorCode.UpstreamBadResponse));
  });

  it('11: a streamed 200 that is not an event stream is upstream_bad_response, not an empty completion', async () => {
    const notStream = await complete({ prompt: 'trigger:not-json', stream: true });
    expect(notStream).toMatchObject(openAiAnswer(InferenceErrorCode.UpstreamBadResponse));
  });

  it('12: length limits count prompt + n x max_tokens and lower an omitted max_tokens to fit', async () => {
    await setPolicy({ limits: { maxPromptTokens: 100, maxTokens: 50, maxTotalTokens: 60 } });
    const single = await complete({ prompt: 'hello there', max_tokens: 20 });
    expect(single.status).toBe(200);
    const three = await complete({ prompt: 'hello there', max_tokens: 20, n: 3 });
    expect(three).toMatchObject(openAiAnswer(LimitsErrorCode.TotalTokensTooLarge));
    const bestOf = await complete({ prompt: 'hello there', max_tokens: 20, n: 1, best_of: 3 });
    expect(bestOf.status).toBe(400);

    await setPolicy({ limits: { maxPromptTokens: 100, maxTokens: 50, maxTotalTokens: 10 } });
    const omitted = await post('/v1/completions', { model: 'house-model', prompt: 'hello there' });
    expect(omitted.status).toBe(200);
    const sent = upstream.received.at(-1)!.body;
    expect(sent.max_tokens).toBeGreaterThan(0);
    expect(Number(sent.max_tokens) + 3).toBeLessThanOrEqual(10);
  });

  it("12: x-ratelimit-* describe the key's budget, x-ratelimit-*-end-user the end user's, on 429 too", async () => {
    await setPolicy({ rateLimits: { requestsPerMinute: 1000, endUserRequestsPerMinute: 2 } });
    await awayFromWindowEdge();
    const user = `headers-${Date.now()}`;
    const first = await complete({ prompt: 'hello', user });
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('1000');
    expect(first.headers.get('x-ratelimit-limit-requests-end-user')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests-end-user')).toBe('1');
    await complete({ prompt: 'hello', user });
    const refused = await complete({ prompt: 'hello', user });
    expect(refused).toMatchObject(openAiAnswer(CommonErrorCode.RateLimitExceeded));
    expect(refused.headers.get('x-ratelimit-limit-requests')).toBe('1000');
    expect(Number(refused.headers.get('x-ratelimit-remaining-requests'))).toBeGreaterThan(900);
    expect(refused.headers.get('x-ratelimit-limit-requests-end-user')).toBe('2');
    expect(refused.headers.get('x-ratelimit-remaining-requests-end-user')).toBe('0');
    expect(refused.headers.get('x-ratelimit-reset-requests-end-user')).toMatch(/^\d+s$|^1m0s$/);
  });

  it('1: user and safety_identifier are bounded at 256 characters', async () => {
    expect((await complete({ prompt: 'hello', user: 'u'.repeat(256) })).status).toBe(200);
    const long = await complete({ prompt: 'hello', user: 'u'.repeat(257) });
    expect(long).toMatchObject(openAiAnswer(CommonErrorCode.InvalidValue, 'user'));
    const safety = await complete({ prompt: 'hello', safety_identifier: 'hashed-end-user-7' });
    expect(safety.status).toBe(200);
    expect((await logRow<{ end_user: string }>(safety.requestId)).end_user).toBe('hashed-end-user-7');
    const longSafety = await complete({ prompt: 'hello', safety_identifier: 's'.repeat(257) });
    expect(longSafety).toMatchObject(openAiAnswer(CommonErrorCode.InvalidValue, 'safety_identifier'));
  });

  it('1: model ids are bounded at 256 characters, and list limits are checked alike on every list', async () => {
    const longModel = await complete({ prompt: 'hello', model: 'm'.repeat(100_000) });
    expect(longModel).toMatchObject(openAiAnswer(CommonErrorCode.InvalidValue, 'model'));
    expect(JSON.stringify(longModel.body).length).toBeLessThan(1_000);
    for (const list of ['/v1/files', '/v1/fine_tuning/jobs']) {
      for (const limit of ['0', '-1', '1.5', '10001']) {
        const response = await fetch(`${warden.url}${list}?limit=${limit}`, {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        expect({ list, limit, status: response.status, body: await response.json() }).toMatchObject({
          list,
          limit,
          ...openAiAnswer(CommonErrorCode.InvalidValue, 'limit'),
        });
      }
    }
  });

  it("rate limits bind the application as a whole: three sandbox keys share the sandbox's 20 RPM", async () => {
    const developer = await registerDeveloper(warden.url);
    const applied = await apply(warden.url, developer);
    const keys = [applied.sandboxKey.secret];
    for (const name of ['second', 'third']) {
      const created = await request<{ secret: string }>(
        warden.url,
        'POST',
        `/portal/applications/${applied.id}/keys`,
        { token: developer.token, body: { name } },
      );
      expect(created.status).toBe(201);
      keys.push(created.body.secret);
    }
    await awayFromWindowEdge();
    const statuses: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const [index, key] of keys.entries()) {
        const answer = await post(
          '/v1/completions',
          { model: 'house-model', prompt: 'hello', max_tokens: 4, user: `user-${round}-${index}` },
          {},
          key,
        );
        statuses.push(answer.status);
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40);
  });
});
