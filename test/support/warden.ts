import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const MAIN = path.join(REPOSITORY_ROOT, 'dist', 'server', 'src', 'main.js');
export const CLI = path.join(REPOSITORY_ROOT, 'dist', 'server', 'src', 'cli.js');
/** The server the suites create their databases on (any database path in it is ignored). */
export const POSTGRES = serverUrl(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432');
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Names the migrated database the jest run made (test/support/global-setup.ts), when it made one. */
export const TEMPLATE_VARIABLE = 'WARDEN_TEST_TEMPLATE_DATABASE';

function serverUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '';
  return parsed.toString().replace(/\/$/, '');
}

/**
 * Everything a suite starts or creates, so nothing outlives it: processes still running, databases and Redis
 * key prefixes are cleaned up after the suite's last test even when a test failed half-way.
 */
const leftovers = {
  processes: new Set<ChildProcess>(),
  databases: new Set<string>(),
  redisPrefixes: new Set<string>(),
};

// Registered at the root of every suite that imports this file, so it runs after the suite's own describe-level
// afterAll hooks (which stop their instances gracefully) and catches only what they left.
if (typeof afterAll === 'function') {
  afterAll(cleanUpSuite, 60_000);
}

export async function cleanUpSuite(): Promise<void> {
  await Promise.all([...leftovers.processes].map((child) => stopProcess(child)));
  for (const databaseUrl of leftovers.databases) {
    await dropDatabase(databaseUrl);
  }
  for (const prefix of leftovers.redisPrefixes) {
    await deleteRedisPrefix(prefix);
  }
}

export interface WardenInstance {
  url: string;
  /** The process started (with no role argument, the launcher of the api and the worker). */
  pid: number;
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  /** Every line the processes printed, in order. */
  output: string[];
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Ports the suites' servers listen on: a block of its own for each jest worker, below Linux's ephemeral range
 * (32768–60999). A port the kernel picked from that range was free when asked, yet before Warden listened on it
 * (seconds later) an outgoing connection or a neighbour suite's server could take it; a neighbour's Warden then
 * answered this suite's health check, and every call of the suite was refused with 401 invalid_api_key.
 */
const PORT_BLOCK = 1_000;
const FIRST_PORT = 20_000;
const WORKER_BLOCKS = 10;
let nextPortOffset = Math.floor(Math.random() * PORT_BLOCK);

export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 0) % WORKER_BLOCKS;
  for (let tried = 0; tried < PORT_BLOCK; tried++) {
    const port = FIRST_PORT + worker * PORT_BLOCK + (nextPortOffset++ % PORT_BLOCK);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in the block of jest worker ${worker}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A database and Redis namespace of its own, so suites never see each other's rows or queues. */
export function isolatedEnvironment(label: string): { databaseUrl: string; env: NodeJS.ProcessEnv } {
  const suffix = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = `${POSTGRES}/warden_test_${suffix}`;
  const redisPrefix = `wt_${suffix}`;
  leftovers.databases.add(databaseUrl);
  leftovers.redisPrefixes.add(redisPrefix);
  return {
    databaseUrl,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: REDIS,
      WARDEN_REDIS_PREFIX: redisPrefix,
    },
  };
}

export function spawnWarden(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, [MAIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  leftovers.processes.add(child);
  child.once('exit', () => leftovers.processes.delete(child));
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.on('data', (data: Buffer) => {
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      output.push(...lines);
    });
  }
  return { child, output };
}

export async function startWarden(
  label: string,
  overrides: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<WardenInstance> {
  const isolated = isolatedEnvironment(label);
  const databaseUrl = overrides.DATABASE_URL ?? isolated.databaseUrl;
  const template = process.env[TEMPLATE_VARIABLE];
  if (template && databaseUrl === isolated.databaseUrl) {
    await createDatabase(databaseUrl, template);
  }
  const { child, output, env, url } = await spawnOnFreePort({ ...isolated.env, ...overrides }, args);
  return {
    url,
    pid: child.pid!,
    env,
    databaseUrl,
    output,
    query: (sql, params) => queryDatabase(databaseUrl, sql, params),
    stop: async () => {
      await stopProcess(child);
      await dropDatabase(databaseUrl);
      if (env.WARDEN_REDIS_PREFIX) {
        await deleteRedisPrefix(env.WARDEN_REDIS_PREFIX);
      }
    },
  };
}

/**
 * Warden on a port that was free (freePort: from this jest worker's own block). Should something else still take it
 * before Warden listens, Warden exits (EADDRINUSE) and starts again on another, unless the test chose the port (PORT
 * in the environment given).
 */
export async function spawnOnFreePort(
  base: NodeJS.ProcessEnv,
  args: string[],
  { attempts = 3, pickPort = freePort }: { attempts?: number; pickPort?: () => Promise<number> } = {},
): Promise<{ child: ChildProcess; output: string[]; env: NodeJS.ProcessEnv; url: string }> {
  for (let attempt = 1; ; attempt++) {
    const env: NodeJS.ProcessEnv = { ...base, PORT: base.PORT ?? String(await pickPort()) };
    const { child, output } = spawnWarden(env, args);
    const url = `http://127.0.0.1:${env.PORT}`;
    try {
      await waitForHealth(url, child, output);
      return { child, output, env, url };
    } catch (err) {
      const portTaken = output.some((line) => line.includes('EADDRINUSE'));
      if (!portTaken || base.PORT !== undefined || attempt >= attempts) throw err;
    }
  }
}

/**
 * `npm test` runs suites two at a time, so on a busy 2-core machine a start (three processes loading the app and
 * its models) can take over a minute; a start that never succeeds still fails, with its output.
 */
export async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: string[],
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `warden exited with ${child.exitCode} before it was healthy:\n${output.slice(-30).join('\n')}`,
      );
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await outputOrDelay(child, 200);
  }
  child.kill('SIGKILL');
  throw new Error(`warden was not healthy within ${timeoutMs} ms:\n${output.slice(-30).join('\n')}`);
}

/** Whichever comes first: the process prints something (the api's line that it listens, say), or `ms` pass. */
function outputOrDelay(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const streams = [child.stdout, child.stderr].filter((stream) => stream !== null);
    const done = () => {
      clearTimeout(timer);
      for (const stream of streams) stream.off('data', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const stream of streams) stream.once('data', done);
  });
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function queryDatabase<T>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A copy of the migrated template: the instance's preflight finds the database there and nothing to apply. */
export async function createDatabase(databaseUrl: string, template: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await queryDatabase(`${POSTGRES}/postgres`, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await queryDatabase(`${POSTGRES}/postgres`, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Every key Warden writes starts with `<WARDEN_REDIS_PREFIX>:` (queues, rate windows, events, end users). */
export async function redisKeys(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  } finally {
    redis.disconnect();
  }
}

export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const keys = await redisKeys(prefix);
  if (keys.length === 0) {
    return;
  }
  const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for (let i = 0; i < keys.length; i += 500) {
      await redis.unlink(...keys.slice(i, i + 500));
    }
  } finally {
    redis.disconnect();
  }
}

/** Polls until `check` returns a value that `done` accepts, or fails with the last value seen. */
export async function eventually<T>(
  check: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await check();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await check();
  }
  return last;
}

/** `columns` of one request's log row, once the worker has written it. */
export async function loggedRow<T>(warden: WardenInstance, requestId: string, columns: string): Promise<T> {
  const [row] = await eventually(
    () => warden.query<T>(`SELECT ${columns} FROM request_logs WHERE request_id = $1`, [requestId]),
    (rows) => rows.length === 1,
  );
  return row;
}

/** The verdicts recorded with one request's log row, once the worker has written it. */
export async function loggedVerdicts<V>(warden: WardenInstance, requestId: string): Promise<V[]> {
  return (await loggedRow<{ verdicts: V[] }>(warden, requestId, 'verdicts')).verdicts;
}

export function runCli(
  env: NodeJS.ProcessEnv,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
