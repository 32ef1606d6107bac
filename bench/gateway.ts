/**
 * Gateway overhead: one loopback stub upstream that answers at once (bench/gateway-stub.ts), called directly,
 * through Portkey's open-source gateway as a plain proxy, and through Warden under (a) the default live policy
 * (classifier, lexicon, PII and injection checks on input and output, rate limit, request log) and (b) a
 * rules-only policy (every classifier category `allow`), all in the same run. Load comes from autocannon:
 * 16 connections for throughput, a fixed 100 requests/s for latency. Rounds are interleaved and medians shown;
 * overheads are against the stub measured in the same round, ratios against Portkey.
 *
 *   npm run build && npm run bench:gateway [-- --rounds 3 --seconds 10 --cpu-prof <dir>]
 *
 * `--cpu-prof <dir>` runs Warden's api process under `node --cpu-prof` and writes its profile there on exit
 * (summarised by `node dist/bench/gateway-profile.js <file>`).
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(REPOSITORY_ROOT, 'dist');
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORTKEY = require.resolve('@portkey-ai/gateway/build/start-server.js', { paths: [REPOSITORY_ROOT] });

const THROUGHPUT_CONNECTIONS = 16;
const LATENCY_RATE = 100;
const LATENCY_CONNECTIONS = 16;
const WARMUP_SECONDS = 3;
/** A budget no benchmark run can spend, so the rate limiter charges every request and refuses none. */
const UNLIMITED = {
  requestsPerMinute: 100_000_000,
  tokensPerMinute: 1_000_000_000,
  endUserRequestsPerMinute: 100_000_000,
  endUserTokensPerMinute: 1_000_000_000,
};
const PROMPT =
  'Write a short, friendly note thanking a colleague for helping move the planning meeting to Thursday afternoon.';

interface Options {
  rounds: number;
  seconds: number;
  cpuProfileDir?: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rounds: 3, seconds: 10 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--rounds':
        options.rounds = positive(value, '--rounds');
        i++;
        break;
      case '--seconds':
        options.seconds = positive(value, '--seconds');
        i++;
        break;
      case '--cpu-prof':
        if (!value) throw new Error('--cpu-prof needs a directory');
        options.cpuProfileDir = path.resolve(value);
        i++;
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (use --rounds N, --seconds N, --cpu-prof DIR)`);
    }
  }
  return options;
}

function positive(value: string | undefined, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} needs a positive integer`);
  return number;
}

/** Every process the benchmark starts, so that any way out of it stops them all. */
class Processes {
  private readonly children: Array<{ name: string; child: ChildProcess }> = [];

  constructor(private readonly logDir: string) {}

  start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const log = fs.openSync(path.join(this.logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.children.push({ name, child });
    return child;
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, child: ChildProcess, ready: () => Promise<boolean>, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} was not ready within 90 s:\n${log()}`);
}

function randomAlphanumeric(length: number): string {
  return randomBytes(length * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length);
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  model: string;
}

async function startStub(processes: Processes): Promise<string> {
  const child = spawn(process.execPath, [path.join(DIST, 'bench', 'gateway-stub.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  processes.adopt('stub', child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stub exited with ${code}`)));
    child.stdout!.once('data', (data: Buffer) =>
      resolve((JSON.parse(data.toString()) as { url: string }).url),
    );
  });
}

async function startPortkey(processes: Processes): Promise<string> {
  const port = await freePort();
  const child = processes.start(
    'portkey',
    ['--require', path.join(DIST, 'bench', 'gateway-loopback.js'), PORTKEY, `--port=${port}`, '--headless'],
    { PATH: process.env.PATH, NODE_ENV: 'production' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    "Portkey's gateway",
    child,
    async () => (await fetch(url)).status < 500,
    () => processes.log('portkey'),
  );
  return url;
}

interface Warden {
  url: string;
  defaultKey: string;
  rulesOnlyKey: string;
  databaseUrl: string;
}

async function startWarden(processes: Processes, stubUrl: string, cpuProfileDir?: string): Promise<Warden> {
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = `${POSTGRES}/warden_bench_gateway_${suffix}`;
  const port = await freePort();
  const defaultKey = `wk-${randomAlphanumeric(8)}_${randomAlphanumeric(40)}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: REDIS,
    WARDEN_REDIS_PREFIX: `bench_gateway_${suffix}`,
    WARDEN_INIT_API_KEY: defaultKey,
    WARDEN_UPSTREAM_URL: `${stubUrl}/v1`,
    WARDEN_UPSTREAM_API_KEY: 'sk-bench',
    WARDEN_UPSTREAM_MODELS: 'bench-model=stub-model',
    WARDEN_EMBEDDED_MODELS: '',
  };
  const main = path.join(DIST, 'server', 'src', 'main.js');
  const cli = path.join(DIST, 'server', 'src', 'cli.js');
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const api = processes.start('warden-api', [...profile, main, 'api'], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'Warden',
    api,
    async () => (await fetch(`${url}/health`)).ok,
    () => processes.log('warden-api'),
  );
  processes.start('warden-worker', [main, 'worker', '--prepared'], env);

  const cliJson = async <T>(...args: string[]): Promise<T> =>
    JSON.parse(await processes.run(`cli ${args[0]}`, [cli, ...args], env)) as T;
  const [demo] = await cliJson<Array<{ id: string }>>('apps:list', 'Demo');
  await cliJson('policies:set', demo.id, JSON.stringify({ rateLimits: UNLIMITED }));
  const rulesOnly = await cliJson<{ id: string }>('apps:create', 'Demo', 'Rules-only benchmark', '--live');
  const { key: rulesOnlyKey } = await cliJson<{ key: string }>('keys:create', rulesOnly.id, 'bench');
  const allow = { action: 'allow' };
  await cliJson(
    'policies:set',
    rulesOnly.id,
    JSON.stringify({
      rateLimits: UNLIMITED,
      categories: Object.fromEntries(
        OPENAI_CATEGORIES.map((category) => [category, { input: allow, output: allow }]),
      ),
    }),
  );
  return { url, defaultKey, rulesOnlyKey, databaseUrl };
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function requestBody(model: string): string {
  return JSON.stringify({ model, prompt: PROMPT, max_tokens: 32, temperature: 0 });
}

/** One request by hand before any load, so a misconfigured target fails loudly instead of measuring errors. */
async function checkTarget(target: Target): Promise<void> {
  const response = await fetch(`${target.url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: requestBody(target.model),
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes('planning meeting')) {
    throw new Error(`${target.name} answered ${response.status}: ${body.slice(0, 400)}`);
  }
}

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** Latencies are collected from autocannon's per-response event in full precision (its histogram keeps whole ms). */
async function load(target: Target, seconds: number, rate?: number): Promise<Run> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.url}/v1/completions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: requestBody(target.model),
        connections: rate ? LATENCY_CONNECTIONS : THROUGHPUT_CONNECTIONS,
        overallRate: rate,
        duration: seconds,
      },
      (err, done) => (err ? reject(err) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-gateway-'));
  const processes = new Processes(logDir);
  let warden: Warden | undefined;
  // Bounded whatever happens: setup, warm-up and (4 targets × 2 loads × rounds) measurements, with slack.
  const budgetMs = (180 + 4 * (WARMUP_SECONDS + 2 * options.rounds * (options.seconds + 2))) * 1000;
  const watchdog = setTimeout(() => {
    console.error(`gateway bench: still running after ${budgetMs / 1000} s; stopping everything`);
    void processes.stopAll().finally(() => process.exit(2));
  }, budgetMs);
  const interrupted = () => void processes.stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const stubUrl = await startStub(processes);
    const portkeyUrl = await startPortkey(processes);
    warden = await startWarden(processes, stubUrl, options.cpuProfileDir);
    const targets: Target[] = [
      { name: 'stub upstream, direct (baseline)', url: stubUrl, headers: {}, model: 'stub-model' },
      {
        name: "Portkey's gateway 1.15, plain proxy",
        url: portkeyUrl,
        headers: {
          authorization: 'Bearer sk-bench',
          'x-portkey-provider': 'openai',
          'x-portkey-custom-host': `${stubUrl}/v1`,
        },
        model: 'stub-model',
      },
      {
        name: 'Warden, default live policy',
        url: warden.url,
        headers: { authorization: `Bearer ${warden.defaultKey}` },
        model: 'bench-model',
      },
      {
        name: 'Warden, rules-only policy',
        url: warden.url,
        headers: { authorization: `Bearer ${warden.rulesOnlyKey}` },
        model: 'bench-model',
      },
    ];
    for (const target of targets) {
      await checkTarget(target);
      await load(target, WARMUP_SECONDS);
    }
    console.log(`load average before measuring: ${loadAverage()}`);
    const throughput = targets.map(() => [] as Run[]);
    const latency = targets.map(() => [] as Run[]);
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, target] of targets.entries()) {
        throughput[index].push(await load(target, options.seconds));
        latency[index].push(await load(target, options.seconds, LATENCY_RATE));
      }
      console.log(`round ${round + 1}/${options.rounds} done, load average ${loadAverage()}`);
    }
    report(targets, throughput, latency, options);
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    if (warden) await dropDatabase(warden.databaseUrl);
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

function report(targets: Target[], throughput: Run[][], latency: Run[][], options: Options): void {
  const cpus = os.cpus();
  const rounds = options.rounds;
  // Overheads are per round (the stub measured in the same round), then the median across rounds.
  const overhead = (index: number, key: 'p50' | 'p99') =>
    median(latency[index].map((run, round) => run[key] - latency[0][round][key]));
  const rate = (index: number) => median(throughput[index].map((run) => run.requestsPerSecond));
  const failures = targets.map((_, index) =>
    [...throughput[index], ...latency[index]].reduce((sum, run) => sum + run.failures, 0),
  );
  console.log(
    `\nnode ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${loadAverage()}`,
  );
  console.log(
    `median of ${rounds} interleaved rounds of ${options.seconds} s each: throughput with ${THROUGHPUT_CONNECTIONS} ` +
      `connections; latency at a fixed ${LATENCY_RATE} req/s; overhead = target − stub in the same round\n`,
  );
  console.log(
    '| target | req/s | vs Portkey | p50 ms | p99 ms | p50 overhead ms | p99 overhead ms | failed |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [index, target] of targets.entries()) {
    const p50 = median(latency[index].map((run) => run.p50));
    const p99 = median(latency[index].map((run) => run.p99));
    const vsPortkey = index === 0 ? '' : `${(rate(index) / rate(1)).toFixed(2)} ×`;
    const over =
      index === 0 ? ['', ''] : [overhead(index, 'p50'), overhead(index, 'p99')].map((v) => v.toFixed(2));
    console.log(
      `| ${target.name} | ${rate(index).toFixed(0)} | ${vsPortkey} | ${p50.toFixed(2)} | ${p99.toFixed(2)} | ` +
        `${over[0]} | ${over[1]} | ${failures[index]} |`,
    );
  }
  console.log(
    '\ngoals (issue 16): default live policy ≥ 1.0 × Portkey throughput, overhead ≤ 2 ms p50 and ≤ 5 ms p99; ' +
      'rules-only ≥ 2 × Portkey',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
