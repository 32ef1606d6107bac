import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { logOnlyPolicy } from './support/request-log-stream';
import { UpstreamServer } from './support/upstream-server';
import { eventually, spawnWarden, startWarden, stopProcess, WardenInstance } from './support/warden';

/** At-least-once delivery plus idempotent writes: a worker killed mid-load loses nothing and duplicates nothing. */
describe('request log durability', () => {
  const upstream = new UpstreamServer();
  const apiKey = testApiKey();
  let api: WardenInstance;

  beforeAll(async () => {
    api = await startWarden(
      'durability',
      {
        WARDEN_INIT_API_KEY: apiKey,
        WARDEN_UPSTREAM_URL: await upstream.start(),
        WARDEN_UPSTREAM_MODELS: 'house-model',
        WARDEN_EMBEDDED_MODELS: '',
        LOG_LEVEL: 'warn',
      },
      ['api'],
    );
    const [{ id }] = await api.query<{ id: string }>(
      `SELECT id FROM applications WHERE name = 'Demo application'`,
    );
    await api.query(`INSERT INTO policies (application_id, rules) VALUES ($1, $2)`, [id, logOnlyPolicy()]);
  });

  afterAll(async () => {
    await api?.stop();
    await upstream.stop();
  });

  it('keeps exactly one row per acknowledged request when the worker is killed with SIGKILL mid-load', async () => {
    let worker = spawnWarden(api.env, ['worker']);
    const total = 3000;
    const concurrency = 48;
    const acknowledged: string[] = [];
    let sent = 0;
    let killedAt = -1;
    let restartedAt = -1;
    const send = async (): Promise<void> => {
      while (sent < total) {
        const i = sent++;
        if (i === 1000) {
          killedAt = i;
          worker.child.kill('SIGKILL');
        }
        if (i === 2000) {
          restartedAt = i;
          worker = spawnWarden(api.env, ['worker']);
        }
        const response = await postJson(api.url, '/v1/completions', apiKey, {
          model: 'house-model',
          prompt: `load ${i}`,
          max_tokens: 3,
        });
        if (response.status === 200) acknowledged.push(response.requestId);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, send));
    expect(killedAt).toBe(1000);
    expect(restartedAt).toBe(2000);
    expect(acknowledged.length).toBe(total);

    const rows = await eventually(
      () =>
        api.query<{ rows: string; distinct_ids: string }>(
          `SELECT count(*) AS rows, count(DISTINCT request_id) AS distinct_ids FROM request_logs WHERE request_id = ANY($1)`,
          [acknowledged],
        ),
      ([result]) => Number(result.rows) >= total,
      90_000,
    );
    expect(Number(rows[0].rows)).toBe(total);
    expect(Number(rows[0].distinct_ids)).toBe(total);
    await stopProcess(worker.child);
  }, 240_000);

  it('keeps monthly partitions ahead and routes rows into them', async () => {
    const partitions = await api.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'request_logs'::regclass ORDER BY 1`,
    );
    const names = partitions.map((partition) => partition.name);
    const month = (offset: number) => {
      const date = new Date();
      date.setUTCDate(1);
      date.setUTCMonth(date.getUTCMonth() + offset);
      return `request_logs_${date.getUTCFullYear()}_${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(names).toEqual(expect.arrayContaining([month(0), month(1), 'request_logs_default']));
    const [{ count }] = await api.query<{ count: string }>(`SELECT count(*) FROM ONLY request_logs_default`);
    expect(Number(count)).toBe(0);
  });

  it('finds logged prompts and outputs by full-text search', async () => {
    const rows = await api.query<{ request_id: string }>(
      `SELECT request_id FROM request_logs WHERE search @@ plainto_tsquery('english', 'load 1234')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
