import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { runCli, spawnOnFreePort, stopProcess, WardenInstance } from './support/warden';
import { ChildProcess } from 'node:child_process';
import { CommonErrorCode } from './support/error-catalog';

/** Budgets live in Redis, so two api instances draw on the same counters. */
describe('rate limits across two api instances', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let first: WardenInstance;
  let second: { url: string; child: ChildProcess };
  let applicationId: string;

  beforeAll(async () => {
    first = await startWardenServedBy(upstream, 'rate_limits', {
      WARDEN_INIT_API_KEY: apiKey,
    });
    const spawned = await spawnOnFreePort({ ...first.env, PORT: undefined }, ['api']);
    second = { url: spawned.url, child: spawned.child };
    [{ id: applicationId }] = await first.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
  });

  afterAll(async () => {
    if (second) await stopProcess(second.child);
    await first?.stop();
    await upstream.stop();
  });

  /** Fixed one-minute windows: start a counting test well inside one. */
  async function awayFromWindowEdge(): Promise<void> {
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
  }

  const call = (url: string, user?: string, prompt = 'hello there') =>
    postJson(url, '/v1/completions', apiKey, {
      model: 'house-model',
      prompt,
      max_tokens: 4,
      ...(user ? { user } : {}),
    });

  it('refuses the N+1th request of the window with a 429 and OpenAI headers, counting both instances', async () => {
    const set = await runCli(first.env, [
      'policies:set',
      applicationId,
      JSON.stringify({ rateLimits: { requestsPerMinute: 6, endUserRequestsPerMinute: 100 } }),
    ]);
    expect(set.code).toBe(0);
    await awayFromWindowEdge();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call(i % 2 === 0 ? first.url : second.url));
    expect(answers.map((answer) => [answer.status, answer.body.error?.code])).toEqual(
      Array(6).fill([200, undefined]),
    );
    expect(answers.map((answer) => answer.headers.get('x-ratelimit-remaining-requests'))).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
      '0',
    ]);
    expect(answers[0].headers.get('x-ratelimit-limit-requests')).toBe('6');
    expect(answers[0].headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+s$|^1m0s$/);

    const refused = await call(second.url);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      type: 'rate_limit_error',
      code: CommonErrorCode.RateLimitExceeded,
      param: null,
    });
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(refused.headers.get('x-ratelimit-limit-requests')).toBe('6');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(first.url)).status).toBe(429);
  });

  it('throttles one end user while another of the same application is served', async () => {
    await runCli(first.env, [
      'policies:set',
      applicationId,
      JSON.stringify({ rateLimits: { requestsPerMinute: 1000, endUserRequestsPerMinute: 2 } }),
    ]);
    await awayFromWindowEdge();
    expect((await call(first.url, 'noisy')).status).toBe(200);
    expect((await call(second.url, 'noisy')).status).toBe(200);
    const refused = await call(first.url, 'noisy');
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('end user "noisy"');
    expect((await call(second.url, 'quiet')).status).toBe(200);
  });

  it('refuses a request over its budget with a 429 even when input moderation, started alongside, would block it', async () => {
    await awayFromWindowEdge();
    // Earlier tests charged this window too: the budget is set to leave exactly six requests.
    const probe = await call(first.url);
    const used = 1000 - Number(probe.headers.get('x-ratelimit-remaining-requests'));
    await runCli(first.env, [
      'policies:set',
      applicationId,
      JSON.stringify({
        rateLimits: { requestsPerMinute: used + 6, endUserRequestsPerMinute: 100 },
        blocklist: { words: ['pineapple'] },
      }),
    ]);
    expect((await call(first.url)).status).toBe(200);
    // The first instance saw room left, so it screens this prompt while charging it: the screening still blocks.
    const blocked = await call(first.url, undefined, 'tell me about pineapple');
    expect([blocked.status, blocked.body.error?.code]).toEqual([400, 'content_filter']);
    // The other instance spends the rest of the budget; the first still remembers room and screens alongside again.
    for (let i = 0; i < 4; i++) expect((await call(second.url)).status).toBe(200);
    const refused = await call(first.url, undefined, 'tell me about pineapple');
    expect([refused.status, refused.body.error?.code]).toEqual([429, CommonErrorCode.RateLimitExceeded]);
  });
});
