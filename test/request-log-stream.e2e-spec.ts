import { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { testApiKey } from './support/keys';
import {
  answeredCompletion,
  logOnlyPolicy,
  RequestLogStream,
  requestLogRecord,
} from './support/request-log-stream';
import { UpstreamServer } from './support/upstream-server';
import {
  eventually,
  POSTGRES,
  queryDatabase,
  spawnWarden,
  startWarden,
  stopProcess,
  WardenInstance,
} from './support/warden';

/**
 * The request-log stream between the api and the worker: whatever happens to the worker or the database, every
 * record handed off ends up exactly once in Postgres or in dead letters, and only then leaves Redis.
 */
describe('request-log stream', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let api: WardenInstance;
  let stream: RequestLogStream;
  let worker: { child: ChildProcess; output: string[] };
  let applicationId: string;
  let databaseName: string;

  beforeAll(async () => {
    api = await startWarden(
      'log_stream',
      {
        WARDEN_INIT_API_KEY: apiKey,
        WARDEN_UPSTREAM_URL: await upstream.start(),
        WARDEN_UPSTREAM_MODELS: 'house-model',
        WARDEN_EMBEDDED_MODELS: '',
        LOG_LEVEL: 'info',
      },
      ['api'],
    );
    databaseName = new URL(api.databaseUrl).pathname.slice(1);
    [{ id: applicationId }] = await api.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    await api.query(`INSERT INTO policies (application_id, rules) VALUES ($1, $2)`, [
      applicationId,
      logOnlyPolicy(),
    ]);
    stream = new RequestLogStream(api.env);
    worker = spawnWarden(api.env, ['worker']);
  }, 90_000);

  afterAll(async () => {
    await queryDatabase(
      `${POSTGRES}/postgres`,
      `ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`,
    ).catch(() => undefined);
    if (worker) await stopProcess(worker.child);
    stream?.close();
    await api?.stop();
    await upstream.stop();
  });

  // A test that failed with the worker stopped leaves it stopped: the next one starts it again.
  beforeEach(() => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) {
      worker = spawnWarden(api.env, ['worker']);
    }
  });

  const complete = (prompt: string, user?: string) => answeredCompletion(api.url, apiKey, prompt, user);

  async function requestsOf(endUser: string): Promise<number> {
    const [row] = await api.query<{ request_count: string }>(
      `SELECT request_count FROM end_users WHERE application_id = $1 AND end_user = $2`,
      [applicationId, endUser],
    );
    return Number(row.request_count);
  }

  async function rowCounts(ids: string[]): Promise<{ rows: number; distinct: number }> {
    const [counts] = await api.query<{ rows: string; distinct_ids: string }>(
      `SELECT count(*) AS rows, count(DISTINCT request_id) AS distinct_ids FROM request_logs WHERE request_id = ANY($1)`,
      [ids],
    );
    return { rows: Number(counts.rows), distinct: Number(counts.distinct_ids) };
  }

  /** Every entry written, acknowledged and deleted: nothing left in the stream or pending with any worker. */
  async function drained(): Promise<void> {
    await eventually(
      async () => [await stream.length(), await stream.pending()],
      ([length, pending]) => length === 0 && pending === 0,
      60_000,
    );
  }

  /** Holds every INSERT into request_logs until released, and finds the worker's INSERT waiting on it. */
  async function holdInserts(): Promise<{
    waitingInsert: () => Promise<number>;
    release: () => Promise<void>;
  }> {
    const lock = new Client({ connectionString: api.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE request_logs IN EXCLUSIVE MODE');
    return {
      waitingInsert: async () => {
        const [waiting] = await eventually(
          () =>
            api.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO request_logs%'`,
            ),
          (found) => found.length === 1,
        );
        return waiting.pid;
      },
      release: async () => {
        await lock.query('ROLLBACK');
        await lock.end();
      },
    };
  }

  it('loses nothing when the worker is killed mid-batch before its INSERT commits: another worker writes it all', async () => {
    const held = await holdInserts();
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) => complete(`rolled back ${i}`, 'carol')),
    );
    const insertPid = await held.waitingInsert();
    worker.child.kill('SIGKILL');
    // The dead worker's transaction goes with its connection: none of its rows commit.
    await api.query('SELECT pg_terminate_backend($1)', [insertPid]);
    await held.release();
    // Answered while no worker runs: the records wait in Redis.
    ids.push(
      ...(await Promise.all(Array.from({ length: 10 }, (_, i) => complete(`no worker ${i}`, 'carol')))),
    );
    expect(await rowCounts(ids)).toEqual({ rows: 0, distinct: 0 });

    worker = spawnWarden(api.env, ['worker']);
    await eventually(
      () => rowCounts(ids),
      (counts) => counts.rows >= ids.length,
      60_000,
    );
    await drained();
    expect(await rowCounts(ids)).toEqual({ rows: 50, distinct: 50 });
    expect(await requestsOf('carol')).toBe(50);
  }, 120_000);

  it('duplicates nothing when the worker is killed after its INSERT committed but before it acknowledged', async () => {
    const held = await holdInserts();
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => complete(`committed ${i}`)));
    await held.waitingInsert();
    worker.child.kill('SIGKILL');
    await held.release();
    // The INSERT outlives its worker and commits its rows; their entry stays pending with the dead worker (the
    // entries after it were never read).
    await eventually(
      () => rowCounts(ids),
      (counts) => counts.rows > 0,
    );
    expect(await stream.pending()).toBeGreaterThan(0);

    worker = spawnWarden(api.env, ['worker']);
    // Taken over and written again: nothing is inserted twice, and only then do the entries leave Redis.
    await drained();
    expect(await rowCounts(ids)).toEqual({ rows: 40, distinct: 40 });
  }, 120_000);

  it('writes the rest of a read when one entry is unreadable and one row is refused, and dead-letters both', async () => {
    const honest = [
      requestLogRecord(applicationId),
      requestLogRecord(applicationId),
      requestLogRecord(applicationId),
    ];
    // A status code no int column holds: the row itself is broken, not the database.
    const refused = requestLogRecord(applicationId, { statusCode: 1e12 });
    const unreadable = await stream.handOffRaw('{"requestId": "req_cut_off_mid');
    await stream.handOff([honest[0], refused, honest[1]]);
    await stream.handOff([honest[2]]);
    await eventually(
      () => rowCounts(honest.map((record) => record.requestId as string)),
      (counts) => counts.rows === 3,
    );
    const dead = await eventually(
      () =>
        api.query<{ request_id: string; reason: string; record: string }>(
          `SELECT request_id, reason, record FROM request_log_dead_letters WHERE request_id = ANY($1) ORDER BY request_id`,
          [[refused.requestId, `stream:${unreadable}`]],
        ),
      (found) => found.length === 2,
    );
    const byId = new Map(dead.map((row) => [row.request_id, row]));
    expect(byId.get(refused.requestId as string)!.reason).toMatch(/out of range/);
    expect(JSON.parse(byId.get(refused.requestId as string)!.record)).toEqual(refused);
    expect(byId.get(`stream:${unreadable}`)!.reason).toMatch(/not JSON/);
    expect(byId.get(`stream:${unreadable}`)!.record).toBe('{"requestId": "req_cut_off_mid');
    await drained();
  }, 60_000);

  it('dead-letters a hand-off whose writers kept dying, unwritten, and writes a neighbour taken over once', async () => {
    const poison = [requestLogRecord(applicationId), requestLogRecord(applicationId)];
    const neighbour = requestLogRecord(applicationId);
    await stream.handOffToVanishingWorkers(poison, 5);
    await stream.handOffToVanishingWorkers([neighbour], 1);
    // Taken over once the vanished workers have been silent for the claim timeout.
    const dead = await eventually(
      () =>
        api.query<{ request_id: string; reason: string }>(
          `SELECT request_id, reason FROM request_log_dead_letters WHERE request_id = ANY($1)`,
          [poison.map((record) => record.requestId)],
        ),
      (found) => found.length === 2,
      60_000,
    );
    expect(dead.map((row) => row.reason)).toEqual([
      expect.stringMatching(/worker stopped 5 times/),
      expect.stringMatching(/worker stopped 5 times/),
    ]);
    await eventually(
      () => rowCounts([neighbour.requestId as string]),
      (counts) => counts.rows === 1,
      60_000,
    );
    await drained();
    expect(await rowCounts(poison.map((record) => record.requestId as string))).toEqual({
      rows: 0,
      distinct: 0,
    });
  }, 120_000);

  it('keeps every record in Redis while Postgres refuses connections and writes them all once it is back', async () => {
    const before = await Promise.all(
      Array.from({ length: 10 }, (_, i) => complete(`before outage ${i}`, 'dave')),
    );
    await eventually(
      () => rowCounts(before),
      (counts) => counts.rows === 10,
    );
    await queryDatabase(`${POSTGRES}/postgres`, `ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS false`);
    await queryDatabase(
      `${POSTGRES}/postgres`,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
      [databaseName],
    );
    const during = Array.from({ length: 20 }, (_, i) =>
      requestLogRecord(applicationId, { endUser: 'dave', prompt: `during outage ${i}` }),
    );
    for (let i = 0; i < during.length; i += 5) await stream.handOff(during.slice(i, i + 5));
    // The worker read them, failed to write them, and keeps them: nothing is acknowledged.
    await eventually(
      () =>
        Promise.resolve(worker.output.filter((line) => line.includes('request logs not written; retrying'))),
      (lines) => lines.length >= 2,
    );
    expect(await stream.length()).toBe(4);
    expect(await (await fetch(`${api.url}/metrics`)).text()).toMatch(/^warden_request_log_backlog 4$/m);

    await queryDatabase(`${POSTGRES}/postgres`, `ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`);
    const ids = during.map((record) => record.requestId as string);
    await eventually(
      () => rowCounts(ids),
      (counts) => counts.rows === 20,
      60_000,
    );
    await drained();
    expect(await rowCounts(ids)).toEqual({ rows: 20, distinct: 20 });
    expect(await requestsOf('dave')).toBe(30);
    expect(await (await fetch(`${api.url}/metrics`)).text()).toMatch(/^warden_request_log_backlog 0$/m);
  }, 120_000);
});
