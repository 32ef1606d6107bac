import { testApiKey } from './support/keys';
import { apiLoopDelay } from './support/loop-delay';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { runCli, WardenInstance } from './support/warden';

/**
 * A generous sanity bound on what a request may add to `/health` latency over the machine's own idle jitter
 * (the suite shares its cores); real timings are in bench/hostile-input.ts.
 */
const HEALTH_BOUND_MS = 200;

/**
 * Texts shaped to hit the worst case of a backtracking pattern in one of the checks (the e-mail, secret and
 * card detectors, the prompt-injection heuristics, the lexicons, a policy's own pattern), each as long as a
 * prompt the issue reported.
 */
const HOSTILE_TEXTS: Array<[string, string]> = [
  ['150,000 x "a"', 'a'.repeat(150_000)],
  ['200,000 digits', '7'.repeat(200_000)],
  ['150,000 newlines', '\n'.repeat(150_000)],
  ['a secret label then 150,000 spaces', `token=${' '.repeat(150_000)}`],
  ['50,000 x "sk-"', 'sk-'.repeat(50_000)],
  ['75,000 x "a."', 'a.'.repeat(75_000)],
  ['30,000 IP addresses', '10.0.0.1 '.repeat(30_000)],
  ['40,000 spaced letters', 'f '.repeat(40_000)],
  ['100,000 x "a@"', 'a@'.repeat(100_000)],
  // Exponential for a backtracking engine under the policy pattern (a{1,20}){1,10}$ (bounded, so a policy
  // accepts it); linear on RE2.
  ['28 x "a" then "!"', `${'a'.repeat(28)}!`],
];

/**
 * One /v1/moderations call's texts, enough to keep the classifier threads busy for several seconds; short each, so
 * no text alone is long enough to be sent off the event loop.
 */
const MANY_TEXTS = Array.from({ length: 1_024 }, (_, i) => `${i} ${'qz '.repeat(150)}`);

/** While the server checks each hostile text, `/health` must keep answering promptly: no check stalls the loop. */
describe('no single request stalls the event loop', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'stall', {
      WARDEN_INIT_API_KEY: apiKey,
    });
    const [{ id }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    // Limits wide enough that every hostile text reaches the checks instead of a length or rate limit.
    const patch = {
      limits: { maxPromptTokens: 2_000_000, maxTokens: 16, maxTotalTokens: 2_000_016 },
      rateLimits: { requestsPerMinute: 10_000, tokensPerMinute: 100_000_000 },
      blocklist: { words: ['coffee'], phrases: ['free money'], patterns: ['a{1,20}b', '(a{1,20}){1,10}$'] },
    };
    const result = await runCli(warden.env, ['policies:set', id, JSON.stringify(patch)]);
    expect(result.code).toBe(0);
  }, 90_000);

  afterAll(async () => {
    await warden?.stop();
    await upstream.stop();
  });

  /** The slowest of a few `/health` answers on an idle server: the machine's own jitter, not a stall. */
  async function idleHealthJitter(): Promise<number> {
    let slowest = 0;
    for (let sample = 0; sample < 20; sample++) {
      const start = performance.now();
      await (await fetch(`${warden.url}/health`)).arrayBuffer();
      slowest = Math.max(slowest, performance.now() - start);
    }
    return slowest;
  }

  /** Sends one request and samples `/health` until it is answered; returns the slowest health answer. */
  async function slowestHealthDuring(
    path: string,
    body: unknown,
  ): Promise<{ status: number; slowest: number }> {
    let done = false;
    const request = fetch(`${warden.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => {
      await response.arrayBuffer();
      done = true;
      return response.status;
    });
    let slowest = 0;
    while (!done) {
      const start = performance.now();
      const health = await fetch(`${warden.url}/health`);
      await health.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { status: await request, slowest };
  }

  it.each(HOSTILE_TEXTS)(
    '/v1/moderations with %s',
    async (_label, text) => {
      const jitter = await idleHealthJitter();
      const { status, slowest } = await slowestHealthDuring('/v1/moderations', { input: text });
      expect(status).toBe(200);
      expect(slowest).toBeLessThan(HEALTH_BOUND_MS + jitter);
    },
    120_000,
  );

  it.each(HOSTILE_TEXTS)(
    '/v1/completions with %s',
    async (_label, text) => {
      const jitter = await idleHealthJitter();
      const { status, slowest } = await slowestHealthDuring('/v1/completions', {
        model: 'house-model',
        prompt: text,
        max_tokens: 4,
      });
      expect(status).toBeLessThan(500);
      expect(slowest).toBeLessThan(HEALTH_BOUND_MS + jitter);
    },
    120_000,
  );

  it('/v1/moderations with 1,024 texts of 450 characters', async () => {
    const jitter = await idleHealthJitter();
    const { status, slowest } = await slowestHealthDuring('/v1/moderations', { input: MANY_TEXTS });
    expect(status).toBe(200);
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS + jitter);
  }, 120_000);

  /** The api's longest event-loop delay while `work` runs (see apiLoopDelay). */
  async function loopDelayDuring<T>(work: () => Promise<T>): Promise<{ result: T; delay: number }> {
    await apiLoopDelay(warden.url);
    const result = await work();
    return { result, delay: await apiLoopDelay(warden.url) };
  }

  it('/v1/files: uploading and downloading a 30 MB training file', async () => {
    const line = (index: number) =>
      `${JSON.stringify({ prompt: `Tell me about garden ${index}.`, completion: ' The rangers walked to the park.' })}\n`;
    const lines: string[] = [];
    for (let bytes = 0, index = 0; bytes < 30_000_000; index++) {
      lines.push(line(index));
      bytes += lines[index].length;
    }
    const content = Buffer.from(lines.join(''));
    const upload = new MultipartBody([
      { name: 'purpose', value: 'fine-tune' },
      { name: 'file', filename: 'train.jsonl', value: content },
    ]);
    const uploaded = await loopDelayDuring(async () => {
      const response = await fetch(`${warden.url}/v1/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': upload.contentType },
        body: upload.bytes,
      });
      return { status: response.status, id: ((await response.json()) as { id: string }).id };
    });
    expect(uploaded.result.status).toBe(200);
    expect(uploaded.delay).toBeLessThan(HEALTH_BOUND_MS);

    const downloaded = await loopDelayDuring(async () => {
      const response = await fetch(`${warden.url}/v1/files/${uploaded.result.id}/content`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
    });
    expect(downloaded.result.status).toBe(200);
    expect(downloaded.result.bytes.equals(content)).toBe(true);
    expect(downloaded.delay).toBeLessThan(HEALTH_BOUND_MS);
  }, 120_000);

  it("shares the classifier: one call of many texts does not hold back another caller's moderation", async () => {
    const post = (body: unknown) =>
      fetch(`${warden.url}/v1/moderations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => {
        await response.arrayBuffer();
        return { status: response.status, answeredAt: performance.now() };
      });
    // Texts whose readings keep a classifier thread busy for seconds, all in one call.
    const many = post({ input: MANY_TEXTS });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentAt = performance.now();
    const one = await post({ input: 'a quiet afternoon by the lake' });
    const manyAnswer = await many;
    expect([one.status, manyAnswer.status]).toEqual([200, 200]);
    // Texts waiting in line behind the whole call were answered with it; sharing each batch, long before.
    const heldFor = one.answeredAt - sentAt;
    expect(manyAnswer.answeredAt - one.answeredAt).toBeGreaterThan(Math.max(1_000, 2 * heldFor));
  });
});

/** A multipart/form-data body encoded in full before it is sent, so the test's own event loop stays free. */
class MultipartBody {
  private readonly boundary = `warden-${Date.now()}`;
  readonly bytes: Buffer;

  constructor(fields: Array<{ name: string; value: string | Buffer; filename?: string }>) {
    this.bytes = Buffer.concat([
      ...fields.flatMap(({ name, value, filename }) => [
        Buffer.from(
          `--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"` +
            `${filename ? `; filename="${filename}"` : ''}\r\n\r\n`,
        ),
        Buffer.from(value),
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${this.boundary}--\r\n`),
    ]);
  }

  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }
}
