/**
 * Cross-instance termination latency: a key terminated through api instance A, while instance B holds it in its
 * in-process cache (TTL far longer than the run), until B refuses it. The design's target is < 100 ms. Baselines
 * measured in the same run: a bare Redis publish → subscriber round trip (the floor the revocation channel rides
 * on), and one authenticated poll of B (the measurement's own resolution).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/key-termination.js [rounds]
 */
import Redis from 'ioredis';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  loadAverage,
  Processes,
  removeWarden,
  startWarden,
  waitFor,
  Warden,
} from './gateway-processes';

const ROUNDS = Number(process.argv[2] ?? 20);
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'bench-admin@warden.test', password: 'bench-admin-password-long' };

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return [at(0.5), at(0.9), sorted[sorted.length - 1]].map((ms) => ms.toFixed(2).padStart(9)).join(' ');
}

async function redisRoundTrips(): Promise<number[]> {
  const publisher = new Redis(REDIS);
  const subscriber = new Redis(REDIS);
  const channel = `bench_termination_${process.pid}`;
  await subscriber.subscribe(channel);
  const times: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const received = new Promise<void>((resolve) => subscriber.once('message', () => resolve()));
      const start = performance.now();
      await publisher.publish(channel, String(round));
      await received;
      times.push(performance.now() - start);
    }
  } finally {
    publisher.disconnect();
    subscriber.disconnect();
  }
  return times;
}

async function call<T>(
  url: string,
  method: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function main(): Promise<void> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-termination-'));
  const processes = new Processes(logDir);
  let first: Warden | undefined;
  const stop = async () => {
    await processes.stopAll();
    if (first) await removeWarden(first);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const a = await startWarden(processes, {
      label: 'termination',
      env: {
        WARDEN_EMBEDDED_MODELS: '',
        WARDEN_KEY_CACHE_TTL_MS: '600000',
        WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
        WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      },
    });
    first = a;
    const portB = await freePort();
    const b = `http://127.0.0.1:${portB}`;
    const apiB = processes.start(
      'termination-api-b',
      [path.join(__dirname, '..', 'server', 'src', 'main.js'), 'api', '--prepared'],
      { ...a.env, PORT: String(portB) },
    );
    await waitFor(
      'instance B',
      apiB,
      async () => (await fetch(`${b}/health`)).ok,
      () => processes.log('termination-api-b'),
    );
    const login = await call<{ accessToken: string }>(`${a.url}/admin/auth/login`, 'POST', undefined, ADMIN);
    if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status}`);

    const pollTimes: number[] = [];
    const visible: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh application each round: a terminated key puts its application under enforcement.
      const application = await a.cli<{ id: string }>('apps:create', 'Demo', `Bench ${round}`, '--live');
      const { id, key } = await a.cli<{ id: string; key: string }>('keys:create', application.id, 'bench');
      // B serves the key, and so holds it in its cache; the last poll's duration is the measurement's resolution.
      for (let warm = 0; warm < 3; warm++) {
        const start = performance.now();
        const served = await call(`${b}/v1/models`, 'GET', key);
        pollTimes.push(performance.now() - start);
        if (served.status !== 200) throw new Error(`B refused a fresh key: ${served.status}`);
      }
      const terminated = await call(
        `${a.url}/admin/api-keys/${id}/terminate`,
        'POST',
        login.body.accessToken,
        {
          reason: 'termination latency benchmark',
        },
      );
      if (terminated.status !== 200) throw new Error(`terminate answered ${terminated.status}`);
      const answeredAt = performance.now();
      for (;;) {
        const polled = await call(`${b}/v1/models`, 'GET', key);
        if (polled.status === 401) break;
        if (performance.now() - answeredAt > 10_000) throw new Error('B still serves the key after 10 s');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      visible.push(performance.now() - answeredAt);
    }
    const pubsub = await redisRoundTrips();
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

    process.stdout.write(
      `key termination across api instances: ${ROUNDS} rounds, load average ${loadAverage()}\n\n` +
        `${'ms'.padEnd(44)}${'median'.padStart(9)} ${'p90'.padStart(9)} ${'max'.padStart(9)}\n` +
        `${'Redis publish → subscriber (baseline)'.padEnd(44)}${summary(pubsub)}\n` +
        `${'one authenticated poll of B (resolution)'.padEnd(44)}${summary(pollTimes)}\n` +
        `${'terminated on A → refused on B'.padEnd(44)}${summary(visible)}\n\n` +
        `median ratio to the Redis round trip: ${(median(visible) / median(pubsub)).toFixed(1)}×; ` +
        `target < 100 ms: ${visible.filter((ms) => ms < 100).length} of ${ROUNDS} rounds\n`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
