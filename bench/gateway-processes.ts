/**
 * What the gateway and engine benchmarks share: the processes they start (every one stopped on any way out), and a
 * Warden of its own (fresh database and Redis prefix, api and worker from the built dist, the default live policy
 * with a budget no run can spend), configured through the CLI as an operator would.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { withServingFlags } from '../server/src/common/serving-flags';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(REPOSITORY_ROOT, 'dist');
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A budget no benchmark run can spend, so the rate limiter charges every request and refuses none. */
export const UNLIMITED = {
  requestsPerMinute: 100_000_000,
  tokensPerMinute: 1_000_000_000,
  endUserRequestsPerMinute: 100_000_000,
  endUserTokensPerMinute: 1_000_000_000,
  applicationRequestsPerMinute: 100_000_000,
  applicationTokensPerMinute: 1_000_000_000,
};

/** Every process the benchmark starts, so that any way out of it stops them all. */
export class Processes {
  private readonly children: Array<{ name: string; child: ChildProcess }> = [];

  constructor(private readonly logDir: string) {}

  start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const log = fs.openSync(path.join(this.logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.children.push({ name, child });
    return child;
  }

  pid(name: string): number {
    const found = this.children.find((entry) => entry.name === name);
    if (!found?.child.pid) throw new Error(`no running process named ${name}`);
    return found.child.pid;
  }

  adopt(name: string, child: ChildProcess): void {
    this.children.push({ name, child });
  }

  /** Runs a process to completion and returns its stdout. */
  async run(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.push({ name, child });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`${name} exited with ${code}: ${stderr.trim()}`);
    return stdout;
  }

  log(name: string): string {
    const file = path.join(this.logDir, `${name}.log`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '';
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      this.children.reverse().map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(force);
      }),
    );
  }
}

/** CPU time (user + system, all threads) a process has used so far, in microseconds; Linux only. */
export function processCpuMicros(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
  return (ticks * 1e6) / 100; // USER_HZ is 100 on Linux
}

/** The processes of the services Warden stores in (PostgreSQL's postmaster and backends, Redis), by their name. */
export function servicePids(): number[] {
  const names = new Set(['postgres', 'redis-server']);
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return names.has(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim());
      } catch {
        return false; // exited while listed
      }
    })
    .map(Number);
}

/** CPU time a set of processes used between the call and the returned function's call; those gone by then count 0. */
export function cpuSince(pids: number[]): () => number {
  const read = (pid: number) => {
    try {
      return processCpuMicros(pid);
    } catch {
      return null; // the process has exited
    }
  };
  const before = pids.map(read);
  return () =>
    pids.reduce((sum, pid, index) => {
      const now = read(pid);
      const then = before[index];
      return now === null || then === null ? sum : sum + now - then;
    }, 0);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The ports a bench's servers listen on: consecutive ones from a base (`--port-base`, so benches on a shared machine
 * keep to the range they were given), or else any free port each time.
 */
export class Ports {
  private next: number | undefined;

  constructor(base?: number) {
    this.next = base;
  }

  async take(): Promise<number> {
    if (this.next === undefined) return freePort();
    if (this.next > 65535) throw new Error('--port-base: ran past port 65535');
    return this.next++;
  }
}

export async function waitFor(
  what: string,
  child: ChildProcess,
  ready: () => Promise<boolean>,
  log: () => string,
) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} was not ready within 90 s:\n${log()}`);
}

export function randomAlphanumeric(length: number): string {
  return randomBytes(length * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length);
}

export interface Warden {
  url: string;
  /** The live demo application's key (WARDEN_INIT_API_KEY): the default live policy, unlimited budget. */
  defaultKey: string;
  databaseUrl: string;
  /** The api's environment, to start another instance on the same database and Redis namespace. */
  env: NodeJS.ProcessEnv;
  /** Runs a Warden CLI command against this instance and returns its JSON answer. */
  cli<T>(...args: string[]): Promise<T>;
}

export interface WardenOptions {
  label: string;
  /** Model settings and anything else the benchmark needs on top of the isolated database and Redis prefix. */
  env: NodeJS.ProcessEnv;
  /**
   * Runs the api process under `node --cpu-prof`, writing its profiles here when it exits, and the worker process
   * likewise into `worker/` under it.
   */
  cpuProfileDir?: string;
  /** Another build's `dist` to run instead of this checkout's (to compare two builds in one run). */
  dist?: string;
  /** The api's port (default: any free one). */
  port?: number;
}

export async function startWarden(processes: Processes, options: WardenOptions): Promise<Warden> {
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = `${POSTGRES}/warden_bench_${options.label}_${suffix}`;
  const port = options.port ?? (await freePort());
  const defaultKey = `wk-${randomAlphanumeric(8)}_${randomAlphanumeric(40)}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: REDIS,
    WARDEN_REDIS_PREFIX: `bench_${options.label}_${suffix}`,
    WARDEN_INIT_API_KEY: defaultKey,
    ...options.env,
  };
  const dist = options.dist ?? DIST;
  const main = path.join(dist, 'server', 'src', 'main.js');
  const cli = path.join(dist, 'server', 'src', 'cli.js');
  const profile = (dir?: string) => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
  const workerProfileDir = options.cpuProfileDir && path.join(options.cpuProfileDir, 'worker');
  // Started as `npm start` starts them, with the serving processes' V8 flags (any build under test gets the same).
  const node = (dir?: string) => withServingFlags(profile(dir));
  const api = processes.start(`${options.label}-api`, [...node(options.cpuProfileDir), main, 'api'], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'Warden',
    api,
    async () => (await fetch(`${url}/health`)).ok,
    () => processes.log(`${options.label}-api`),
  );
  processes.start(`${options.label}-worker`, [...node(workerProfileDir), main, 'worker', '--prepared'], env);
  const warden: Warden = {
    url,
    defaultKey,
    databaseUrl,
    env,
    cli: async <T>(...args: string[]) =>
      JSON.parse(await processes.run(`cli ${args[0]}`, [cli, ...args], env)) as T,
  };
  const [demo] = await warden.cli<Array<{ id: string }>>('apps:list', 'Demo');
  await warden.cli('policies:set', demo.id, JSON.stringify({ rateLimits: UNLIMITED }));
  return warden;
}

/** A second live application in the demo organization, held to `patch` over the live defaults; returns its key. */
export async function addApplication(warden: Warden, name: string, patch: object): Promise<string> {
  const application = await warden.cli<{ id: string }>('apps:create', 'Demo', name, '--live');
  const { key } = await warden.cli<{ key: string }>('keys:create', application.id, 'bench');
  await warden.cli('policies:set', application.id, JSON.stringify({ rateLimits: UNLIMITED, ...patch }));
  return key;
}

/** Runs one statement on the server's maintenance database (creating and dropping the benches' databases). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops what a Warden the benchmark started left behind: its database and the Redis keys under its prefix. */
export async function removeWarden(warden: Pick<Warden, 'databaseUrl' | 'env'>): Promise<void> {
  const client = new Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(
      `DROP DATABASE IF EXISTS "${new URL(warden.databaseUrl).pathname.slice(1)}" WITH (FORCE)`,
    );
  } finally {
    await client.end();
  }
  const prefix = warden.env.WARDEN_REDIS_PREFIX;
  if (prefix) await deleteRedisKeys(`${prefix}:*`);
}

async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/**
 * Starts a bench server script from the built dist; it takes its port as its last argument (0: any free one) and
 * prints `{"url": …}` as its first output line.
 */
export async function startBenchServer(
  processes: Processes,
  name: string,
  script: string,
  args: string[] = [],
  port = 0,
) {
  const child = spawn(process.execPath, [path.join(DIST, 'bench', script), ...args, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  processes.adopt(name, child);
  return new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.stdout!.once('data', (data: Buffer) =>
      resolve((JSON.parse(data.toString()) as { url: string }).url),
    );
  });
}

/** A Warden's model settings for the loopback stub upstream (`bench-model`, no embedded model). */
export function stubUpstreamEnv(stubUrl: string): NodeJS.ProcessEnv {
  return {
    WARDEN_UPSTREAM_URL: `${stubUrl}/v1`,
    WARDEN_UPSTREAM_API_KEY: 'sk-bench',
    WARDEN_UPSTREAM_MODELS: 'bench-model=stub-model',
    WARDEN_EMBEDDED_MODELS: '',
  };
}
