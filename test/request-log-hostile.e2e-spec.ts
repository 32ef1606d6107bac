import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { testApiKey } from './support/keys';
import { answeredCompletion, RequestLogStream, requestLogRecord } from './support/request-log-stream';
import { startWardenServedBy, UpstreamServer } from './support/upstream-server';
import { eventually, runCli, WardenInstance } from './support/warden';

interface LoggedRow {
  request_id: string;
  prompt: unknown;
  end_user: string | null;
  sanitized: string[] | null;
}

/** Distinct made-up words: their tsvector grows with the text, unlike a repeated word's. */
function uniqueWords(characters: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < characters) {
    const word = randomBytes(6)
      .toString('hex')
      .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)]);
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

/** Rows no client can break: what Postgres cannot store is sanitized, and one bad row never takes others along. */
describe('request logs under hostile rows', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let warden: WardenInstance;
  let stream: RequestLogStream;
  let applicationId: string;

  beforeAll(async () => {
    warden = await startWardenServedBy(upstream, 'log_hostile', {
      WARDEN_INIT_API_KEY: apiKey,
    });
    [{ id: applicationId }] = await warden.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    const result = await runCli(warden.env, [
      'policies:set',
      applicationId,
      JSON.stringify({ requireUser: false, rateLimits: { requestsPerMinute: 10_000 } }),
    ]);
    expect(result.code).toBe(0);
    stream = new RequestLogStream(warden.env);
  }, 90_000);

  afterAll(async () => {
    stream?.close();
    await warden?.stop();
    await upstream.stop();
  });

  const complete = (prompt: string) => answeredCompletion(warden.url, apiKey, prompt);

  async function rows(requestIds: string[]): Promise<LoggedRow[]> {
    return eventually(
      () =>
        warden.query<LoggedRow>(
          `SELECT request_id, prompt, end_user, sanitized FROM request_logs WHERE request_id = ANY($1)`,
          [requestIds],
        ),
      (found) => found.length === requestIds.length,
      30_000,
    );
  }

  /** A record as the api would hand it to the worker, for what the api itself refuses today or tomorrow. */
  const record = (overrides: Record<string, unknown>) => requestLogRecord(applicationId, overrides);

  it('keeps prompts with NUL characters and lone surrogates, and the honest rows batched with them', async () => {
    const ids = await Promise.all([
      complete('a walk \u0000 in the park'),
      complete('the weather \ud800 is lovely'),
      complete('an ordinary prompt'),
      complete('another ordinary prompt'),
    ]);
    const logged = await rows(ids);
    const byId = new Map(logged.map((row) => [row.request_id, row]));
    expect(byId.get(ids[0])!.prompt).toBe('a walk \ufffd in the park');
    expect(byId.get(ids[0])!.sanitized).toEqual(expect.arrayContaining([expect.stringMatching(/^prompt:/)]));
    expect(byId.get(ids[1])!.prompt).toBe('the weather \ufffd is lovely');
    expect(byId.get(ids[2])!.prompt).toBe('an ordinary prompt');
    expect(byId.get(ids[2])!.sanitized).toBeNull();
  }, 60_000);

  it('indexes a bounded part of a text whose tsvector would pass 1 MB, and stores the text whole', async () => {
    const huge = uniqueWords(1_200_000);
    const hostile = record({ prompt: huge, output: [{ index: 0, text: huge, finish_reason: 'stop' }] });
    const honest = record({ prompt: 'batched with a huge neighbour' });
    await stream.handOff([hostile, honest]);
    const logged = await rows([hostile.requestId as string, honest.requestId as string]);
    expect(logged.find((row) => row.request_id === hostile.requestId)!.prompt).toBe(huge);
    const [found] = await warden.query<{ count: string }>(
      `SELECT count(*) FROM request_logs WHERE search @@ plainto_tsquery('english', $1)`,
      ['batched huge neighbour'],
    );
    expect(Number(found.count)).toBe(1);
  }, 90_000);

  it('stores an end user longer than any index allows, and its batch', async () => {
    const long = `u${'x'.repeat(20_000)}`;
    const hostile = record({ endUser: long });
    const honest = record({ endUser: 'alice' });
    await stream.handOff([hostile, honest]);
    const logged = await rows([hostile.requestId as string, honest.requestId as string]);
    const stored = logged.find((row) => row.request_id === hostile.requestId)!;
    expect(stored.end_user!.length).toBeLessThanOrEqual(512);
    expect(stored.end_user!.startsWith('uxxx')).toBe(true);
    expect(stored.sanitized).toEqual(expect.arrayContaining([expect.stringMatching(/^end_user:/)]));
    expect(logged.find((row) => row.request_id === honest.requestId)!.end_user).toBe('alice');
  }, 60_000);

  it('writes the other rows of a batch one by one and sends a row that cannot be written to dead letters', async () => {
    // A status code no int column holds: the row itself is broken, not the database.
    const broken = record({ statusCode: 1e12 });
    const honest = [record({ prompt: 'first neighbour' }), record({ prompt: 'second neighbour' })];
    await stream.handOff([honest[0], broken, honest[1]]);
    await rows(honest.map((row) => row.requestId as string));
    const [dead] = await eventually(
      () =>
        warden.query<{ reason: string; record: string }>(
          `SELECT reason, record FROM request_log_dead_letters WHERE request_id = $1`,
          [broken.requestId],
        ),
      (found) => found.length === 1,
    );
    expect(dead.reason).toMatch(/out of range/);
    expect(JSON.parse(dead.record)).toEqual(broken);
    const metrics = await (await fetch(`${warden.url}/metrics`)).text();
    expect(metrics).toMatch(/^warden_request_log_dead_letters 1$/m);
    // Logs reach stdout in gathered asynchronous writes, so the line can trail the row and the metric.
    await eventually(
      () => Promise.resolve(warden.output.some((line) => line.includes('request log row dead-lettered'))),
      (logged) => logged,
    );
  }, 60_000);

  it('writes the jobs an api from before the stream queued, so an upgrade loses nothing', async () => {
    const queue = new Queue('request-logs', {
      connection: { url: warden.env.REDIS_URL!, maxRetriesPerRequest: null },
      prefix: `${warden.env.WARDEN_REDIS_PREFIX}:bull`,
    });
    try {
      const queued = [record({ prompt: 'queued before the upgrade' }), record({ endUser: 'erin' })];
      await queue.add('persist-request-logs', { records: queued }, { attempts: 1 });
      const logged = await rows(queued.map((row) => row.requestId as string));
      expect(logged.map((row) => row.end_user).sort()).toEqual(['erin', null]);
    } finally {
      await queue.close();
    }
  }, 60_000);
});
