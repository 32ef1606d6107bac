import { Queue } from 'bullmq';
import { ChildProcess, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';
import { setDemoPolicy } from './support/demo-policy';
import { replyFrom, startRedisServer } from './support/redis-servers';
import { testApiKey } from './support/keys';
import { postJson } from './support/review-api';
import { eventually, loggedRow, runCli, startWarden, stopProcess, WardenInstance } from './support/warden';

const run = promisify(execFile);
const NODES = 3;

async function clusterState(port: number): Promise<string | null> {
  const info = await replyFrom(port, 'CLUSTER', 'INFO');
  return typeof info === 'string' ? (/cluster_state:(\w+)/.exec(info)?.[1] ?? null) : null;
}

/**
 * DESIGN's scale-out names Redis Cluster: three real cluster nodes (redis-server with cluster mode on loopback, the
 * slots spread over them by `redis-cli --cluster create`), and Warden, given one seed node and a REDIS_URL whose
 * host answers nothing, serves, rate-limits, logs, changes policies and runs its queues across the Cluster. A
 * multi-key script or BullMQ queue whose keys spanned slots would fail with CROSSSLOT.
 */
describe('Redis Cluster', () => {
  const apiKey = testApiKey();
  let directory: string;
  let ports: number[];
  const nodes: ChildProcess[] = [];
  let cluster: Cluster;
  let warden: WardenInstance;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-cluster-'));
    ports = [];
    for (let i = 0; i < NODES; i++) {
      const nodeDirectory = path.join(directory, `node-${i}`);
      fs.mkdirSync(nodeDirectory);
      const node = await startRedisServer({
        argumentsFor: (port, busPort) => [
          ...['--port', String(port), '--bind', '127.0.0.1', '--dir', nodeDirectory],
          ...['--cluster-enabled', 'yes', '--cluster-port', String(busPort)],
          ...['--cluster-config-file', 'nodes.conf', '--save', '', '--appendonly', 'no'],
        ],
      });
      ports.push(node.port);
      nodes.push(node.process);
    }
    await run('redis-cli', [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    await Promise.all(
      ports.map((port) =>
        eventually(
          () => clusterState(port),
          (state) => state === 'ok',
        ),
      ),
    );
    cluster = new Cluster([{ host: '127.0.0.1', port: ports[0] }]);
    warden = await startWarden('cluster', {
      WARDEN_INIT_API_KEY: apiKey,
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_CLUSTER_NODES: `127.0.0.1:${ports[0]}`,
      WARDEN_MONITOR_INTERVAL_MS: '1000',
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
    cluster?.disconnect();
    for (const node of nodes) await stopProcess(node);
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('serves a completion, charges its budgets and writes its request log through the Cluster', async () => {
    const response = await postJson(warden.url, '/v1/completions', apiKey, {
      model: 'stories260K',
      prompt: 'Once upon a time',
      max_tokens: 8,
      user: 'cluster-user',
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-ratelimit-remaining-requests-end-user'))).toBeGreaterThan(0);
    const { requestId } = response;
    expect(await loggedRow(warden, requestId, 'status_code')).toEqual({ status_code: 200 });
    // The key, application and end-user counters of one request share its application's slot.
    const [application] = await warden.query<{ id: string }>(`SELECT id FROM applications LIMIT 1`);
    const counters = (
      await Promise.all(
        cluster.nodes('master').map((node) => node.keys(`${warden.env.WARDEN_REDIS_PREFIX}:rate:*`)),
      )
    ).flat();
    expect(counters.length).toBeGreaterThanOrEqual(6);
    expect(counters.every((key) => key.includes(`:rate:{${application.id}}:`))).toBe(true);
  });

  it('refuses past a budget after a policy change every instance hears about', async () => {
    await setDemoPolicy(warden, { rateLimits: { requestsPerMinute: 2 } });
    const statuses = await eventually(
      async () => {
        const answers: number[] = [];
        for (let i = 0; i < 3; i++) {
          answers.push(
            (await postJson(warden.url, '/v1/moderations', apiKey, { input: 'a quiet afternoon' })).status,
          );
        }
        return answers;
      },
      (answers) => answers.includes(429),
    );
    expect(statuses).toContain(429);
  });

  it("runs BullMQ's scheduled jobs on the Cluster", async () => {
    const prefix = `{${warden.env.WARDEN_REDIS_PREFIX}:bull}`;
    const queue = new Queue('monitoring', { connection: cluster, prefix });
    try {
      const completed = await eventually(
        () => queue.getJobCounts('completed', 'failed'),
        (counts) => counts.completed >= 1,
      );
      expect(completed.failed).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('names the Cluster in the doctor, and an unreachable one as such', async () => {
    const healthy = await runCli(warden.env, ['doctor']);
    expect(healthy.stdout).toContain(`the Redis Cluster of 127.0.0.1:${ports[0]}`);
    const unreachable = await runCli({ ...warden.env, REDIS_CLUSTER_NODES: '127.0.0.1:1' }, ['doctor']);
    expect(unreachable.stdout).toMatch(/the Redis Cluster of 127\.0\.0\.1:1/);
  });
});
