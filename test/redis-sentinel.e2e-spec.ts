import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testApiKey } from './support/keys';
import { replyFrom, startRedisServer } from './support/redis-servers';
import { postJson } from './support/review-api';
import { eventually, loggedRow, runCli, startWarden, stopProcess, WardenInstance } from './support/warden';

const REDIS_PORT = Number(new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379);

/**
 * DESIGN's scale-out names Redis behind Sentinel: a real Sentinel (redis-server in sentinel mode) on loopback names
 * the test Redis as its master, and Warden, given only the Sentinel and a REDIS_URL whose host answers nothing,
 * serves, rate-limits and logs through the master the Sentinel names.
 */
describe('Redis through Sentinel', () => {
  const apiKey = testApiKey();
  const master = `warden-test-${process.pid}`;
  let directory: string;
  let sentinel: ChildProcess;
  let sentinelPort: number;
  let warden: WardenInstance;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-sentinel-'));
    const configFile = path.join(directory, 'sentinel.conf');
    const started = await startRedisServer({
      argumentsFor: (port) => {
        fs.writeFileSync(
          configFile,
          [
            `port ${port}`,
            'bind 127.0.0.1',
            `dir ${directory}`,
            `sentinel monitor ${master} 127.0.0.1 ${REDIS_PORT} 1`,
            // Never fail over during the test: the shared test Redis is the only master.
            `sentinel down-after-milliseconds ${master} 600000`,
            '',
          ].join('\n'),
        );
        return [configFile, '--sentinel'];
      },
      ready: async (port) =>
        Array.isArray(await replyFrom(port, 'SENTINEL', 'get-master-addr-by-name', master)),
    });
    sentinelPort = started.port;
    sentinel = started.process;
    warden = await startWarden('sentinel', {
      WARDEN_INIT_API_KEY: apiKey,
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
      REDIS_SENTINEL_MASTER: master,
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    if (sentinel) await stopProcess(sentinel);
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('serves a completion, charges its rate budget and writes its request log through the named master', async () => {
    const response = await postJson(warden.url, '/v1/completions', apiKey, {
      model: 'stories260K',
      prompt: 'Once upon a time',
      max_tokens: 8,
      user: 'sentinel-user',
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-ratelimit-remaining-requests'))).toBeGreaterThan(0);
    const { requestId } = response;
    // The worker reads the request-log stream from the same master and writes the record to Postgres.
    expect(await loggedRow(warden, requestId, 'status_code')).toEqual({ status_code: 200 });
  });

  it('reports the Sentinel target in the doctor, and an unreachable one as such', async () => {
    const healthy = await runCli(warden.env, ['doctor']);
    expect(healthy.stdout).toContain(`the master "${master}" of the Sentinels at 127.0.0.1:${sentinelPort}`);
    const unreachable = await runCli({ ...warden.env, REDIS_SENTINELS: '127.0.0.1:1' }, ['doctor']);
    expect(unreachable.stdout).toMatch(
      /nothing answers at the master ".+" of the Sentinels at 127\.0\.0\.1:1/,
    );
  });
});
