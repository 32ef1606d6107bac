/**
 * Gateway overhead: one loopback stub upstream that answers at once (bench/gateway-stub.ts), called directly,
 * through Portkey's open-source gateway as a plain proxy, and through Warden under (a) the default live policy
 * (classifier, lexicon, PII and injection checks on input and output, rate limit, request log) and (b) a
 * rules-only policy (every classifier category `allow`), all in the same run. Throughput: autocannon with 16
 * connections. Latency: an open loop at a fixed 100 requests/s, evenly spaced (bench/gateway-paced-load.ts), with a
 * trivial node:http proxy as the self-check that the measure sees a ~1 ms proxy as ~1 ms. Rounds are interleaved
 * and medians shown; overheads are against the stub measured in the same round, ratios against Portkey.
 *
 *   npm run build && npm run bench:gateway [-- --rounds 3 --seconds 10 --latency-rate 100 --cpu-prof <dir>
 *     --baseline-dist <dir> --port-base <port>]
 *
 * `--cpu-prof <dir>` runs Warden's api process under `node --cpu-prof` and writes its profile there on exit
 * (summarised by `node dist/bench/gateway-profile.js <file>`). `--baseline-dist <dir>` also runs a second Warden
 * from another build's dist (e.g. main's, built in a separate checkout), so a change is measured before and after
 * in the same run. `--port-base N` puts the bench's servers (stub, trivial proxy, Portkey, each Warden's api) on
 * ports N, N+1, … instead of any free ones.
 */
import autocannon from 'autocannon';
import Redis from 'ioredis';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import { requestLogStreamKey } from '../server/src/request-logs/request-log.stream';
import {
  addApplication,
  removeWarden,
  DIST,
  loadAverage,
  median,
  Ports,
  processCpuMicros,
  cpuSince,
  servicePids,
  Processes,
  REPOSITORY_ROOT,
  startBenchServer,
  startWarden,
  stubUpstreamEnv,
  waitFor,
  Warden,
} from './gateway-processes';
import { LATE_START_MS, pacedLoad } from './gateway-paced-load';
const PORTKEY = require.resolve('@portkey-ai/gateway/build/start-server.js', { paths: [REPOSITORY_ROOT] });

const THROUGHPUT_CONNECTIONS = 16;
/** The latency goals are at this rate; `--latency-rate` lowers it where a busy machine saturates a gateway. */
const LATENCY_RATE = 100;
/** The most connections the latency phase may open; at 100 req/s and ~1 ms each it uses one or two. */
const LATENCY_CONNECTIONS = 16;
/** More late starts than this share means the generator's own event loop, not the target, set the pace. */
const MAX_LATE_SHARE = 0.01;
const WARMUP_SECONDS = 3;
/** Index in the target list of the trivial proxy, whose overhead the self-check bounds. */
const TRIVIAL_PROXY = 2;
/** A plain Node proxy on loopback adds well under this; more means the measure, not the proxy, is slow. */
const SELF_CHECK_P50_MS = 2;
/** A target whose 16-connection throughput is below this multiple of the latency rate queues in the latency phase. */
const SATURATION_MARGIN = 1.5;
const PROMPT =
  'Write a short, friendly note thanking a colleague for helping move the planning meeting to Thursday afternoon.';

interface Options {
  rounds: number;
  seconds: number;
  latencyRate: number;
  cpuProfileDir?: string;
  baselineDist?: string;
  /** The first of the consecutive ports the bench's servers listen on; without it, any free ports. */
  portBase?: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rounds: 3, seconds: 10, latencyRate: LATENCY_RATE };
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
      case '--latency-rate':
        options.latencyRate = positive(value, '--latency-rate');
        i++;
        break;
      case '--cpu-prof':
        if (!value) throw new Error('--cpu-prof needs a directory');
        options.cpuProfileDir = path.resolve(value);
        i++;
        break;
      case '--baseline-dist':
        if (!value) throw new Error('--baseline-dist needs the dist directory of another build');
        options.baselineDist = path.resolve(value);
        i++;
        break;
      case '--port-base':
        options.portBase = positive(value, '--port-base');
        i++;
        break;
      default:
        throw new Error(
          `unknown option ${argv[i]} (use --rounds N, --seconds N, --latency-rate N, --cpu-prof DIR, --baseline-dist DIR, --port-base N)`,
        );
    }
  }
  return options;
}

function positive(value: string | undefined, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} needs a positive integer`);
  return number;
}

interface Target {
  /** Processes whose CPU time the target's requests cost (the stub's own is not counted for the gateways). */
  pids: number[];
  name: string;
  url: string;
  headers: Record<string, string>;
  model: string;
  /**
   * Resolves when the work the requests left behind is done (Warden: its worker has written every request record
   * to Postgres), so that work's CPU counts towards the requests that caused it, not the next target's.
   */
  settled?: () => Promise<void>;
}

/** Starts one of the bench's own loopback servers (stub, trivial proxy), which prints its URL when listening. */
async function startPortkey(processes: Processes, port: number): Promise<string> {
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
  /** CPU time of the target's processes per answered request, in µs: steadier than wall clock on a busy machine. */
  cpuMicrosPerRequest: number;
  /**
   * CPU time of the storage services (PostgreSQL, Redis) per answered request: Warden's records and rate counters
   * cost them work that runs on the same cores as the gateway (none for Portkey's plain proxy beyond the idle Wardens).
   */
  serviceMicrosPerRequest: number;
  p50: number;
  p99: number;
  failures: number;
}

/** Throughput: autocannon's closed loop, as many requests as 16 connections can carry. */
async function saturate(target: Target, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const cpu = cpuMeter(target);
  const services = cpuSince(servicePids());
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.url}/v1/completions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: requestBody(target.model),
        connections: THROUGHPUT_CONNECTIONS,
        duration: seconds,
      },
      (err, done) => (err ? reject(err) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  await target.settled?.();
  return summarize(latencies, seconds, cpu(), result.non2xx + result.errors + result.timeouts, services());
}

/** Latency: an open loop at a fixed rate, requests evenly spaced (see gateway-paced-load.ts for why not autocannon). */
async function pace(target: Target, seconds: number, rate: number): Promise<Run> {
  const cpu = cpuMeter(target);
  const result = await pacedLoad(
    {
      url: `${target.url}/v1/completions`,
      headers: { 'content-type': 'application/json', ...target.headers },
      body: requestBody(target.model),
    },
    rate,
    seconds,
    LATENCY_CONNECTIONS,
  );
  if (result.lateStarts > result.latencies.length * MAX_LATE_SHARE) {
    console.warn(
      `${target.name}: the load generator started ${result.lateStarts} requests more than ${LATE_START_MS} ms ` +
        'late (its own event loop was held up, the machine is busy); the latencies of this run are suspect',
    );
  }
  return summarize(result.latencies, seconds, cpu(), result.failures);
}

/** Waits (at most 30 s) until the worker has written and removed every request-log entry of Warden's stream. */
async function requestLogsWritten(warden: Warden): Promise<void> {
  const redis = new Redis(warden.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  try {
    await redis.connect();
    const key = requestLogStreamKey(warden.env.WARDEN_REDIS_PREFIX ?? 'warden');
    const deadline = Date.now() + 30_000;
    while ((await redis.xlen(key)) > 0) {
      if (Date.now() > deadline) throw new Error(`the request-log stream ${key} was not written within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    redis.disconnect();
  }
}

/** CPU time of the target's processes since the call, read when the returned function is called. */
function cpuMeter(target: Target): () => number {
  const cpu = () => target.pids.reduce((sum, pid) => sum + processCpuMicros(pid), 0);
  const before = cpu();
  return () => cpu() - before;
}

/** Latencies in ms at full precision (autocannon's histogram keeps whole ms, so they come from its events). */
function summarize(
  latencies: number[],
  seconds: number,
  cpuMicros: number,
  failures: number,
  serviceMicros = NaN,
): Run {
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requestsPerSecond: latencies.length / seconds,
    cpuMicrosPerRequest: cpuMicros / latencies.length,
    serviceMicrosPerRequest: serviceMicros / latencies.length,
    p50: at(0.5),
    p99: at(0.99),
    failures,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-gateway-'));
  const processes = new Processes(logDir);
  const wardens: Warden[] = [];
  const targetCount = options.baselineDist ? 7 : 5;
  // Bounded whatever happens: setup, warm-up and (targets × 2 loads × rounds) measurements, with slack.
  const budgetMs = (240 + targetCount * (WARMUP_SECONDS + 2 * options.rounds * (options.seconds + 2))) * 1000;
  const watchdog = setTimeout(() => {
    console.error(`gateway bench: still running after ${budgetMs / 1000} s; stopping everything`);
    void processes.stopAll().finally(() => process.exit(2));
  }, budgetMs);
  const interrupted = () => void processes.stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const ports = new Ports(options.portBase);
    const stubUrl = await startBenchServer(processes, 'stub', 'gateway-stub.js', [], await ports.take());
    const trivialProxyUrl = await startBenchServer(
      processes,
      'trivial-proxy',
      'gateway-trivial-proxy.js',
      [stubUrl],
      await ports.take(),
    );
    const portkeyUrl = await startPortkey(processes, await ports.take());
    const wardenTargets = async (label: string, name: string, dist?: string): Promise<Target[]> => {
      const warden = await startWarden(processes, {
        label,
        env: stubUpstreamEnv(stubUrl),
        cpuProfileDir: dist ? undefined : options.cpuProfileDir,
        dist,
        port: await ports.take(),
      });
      wardens.push(warden);
      const pids = [processes.pid(`${label}-api`), processes.pid(`${label}-worker`)];
      const settled = () => requestLogsWritten(warden);
      const allow = { action: 'allow' };
      const rulesOnlyKey = await addApplication(warden, 'Rules-only benchmark', {
        categories: Object.fromEntries(
          OPENAI_CATEGORIES.map((category) => [category, { input: allow, output: allow }]),
        ),
      });
      return [
        {
          name: `${name}, default live policy`,
          url: warden.url,
          pids,
          headers: { authorization: `Bearer ${warden.defaultKey}` },
          model: 'bench-model',
          settled,
        },
        {
          name: `${name}, rules-only policy`,
          url: warden.url,
          pids,
          headers: { authorization: `Bearer ${rulesOnlyKey}` },
          model: 'bench-model',
          settled,
        },
      ];
    };
    const targets: Target[] = [
      {
        name: 'stub upstream, direct (baseline)',
        url: stubUrl,
        pids: [processes.pid('stub')],
        headers: {},
        model: 'stub-model',
      },
      {
        name: "Portkey's gateway 1.15, plain proxy",
        url: portkeyUrl,
        pids: [processes.pid('portkey')],
        headers: {
          authorization: 'Bearer sk-bench',
          'x-portkey-provider': 'openai',
          'x-portkey-custom-host': `${stubUrl}/v1`,
        },
        model: 'stub-model',
      },
      {
        name: 'trivial node:http proxy (self-check)',
        url: trivialProxyUrl,
        pids: [processes.pid('trivial-proxy')],
        headers: {},
        model: 'stub-model',
      },
      ...(await wardenTargets('gateway', 'Warden')),
      ...(options.baselineDist
        ? await wardenTargets(
            'gateway_baseline',
            `Warden (build in ${path.basename(path.dirname(options.baselineDist))}/)`,
            options.baselineDist,
          )
        : []),
    ];
    for (const target of targets) {
      await checkTarget(target);
      await saturate(target, WARMUP_SECONDS);
    }
    console.log(`load average before measuring: ${loadAverage()}`);
    const throughput = targets.map(() => [] as Run[]);
    const latency = targets.map(() => [] as Run[]);
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, target] of targets.entries()) {
        throughput[index].push(await saturate(target, options.seconds));
        latency[index].push(await pace(target, options.seconds, options.latencyRate));
      }
      console.log(`round ${round + 1}/${options.rounds} done, load average ${loadAverage()}`);
    }
    report(targets, throughput, latency, options);
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    for (const warden of wardens) await removeWarden(warden);
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
  const cpu = (index: number) => median(throughput[index].map((run) => run.cpuMicrosPerRequest));
  const serviceCpu = (index: number) => median(throughput[index].map((run) => run.serviceMicrosPerRequest));
  const failures = targets.map((_, index) =>
    [...throughput[index], ...latency[index]].reduce((sum, run) => sum + run.failures, 0),
  );
  console.log(
    `\nnode ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${loadAverage()}`,
  );
  console.log(
    `median of ${rounds} interleaved rounds of ${options.seconds} s each: throughput with ${THROUGHPUT_CONNECTIONS} ` +
      `connections (autocannon); latency at a fixed ${options.latencyRate} req/s, evenly spaced (open loop); overhead = target − stub in the same round; ` +
      `CPU = the target's own processes (Warden: api + worker, until its worker has written the phase's request records) ` +
      `per request under the throughput load; ` +
      `services = PostgreSQL's and Redis's processes per request in the same phase\n`,
  );
  console.log(
    '| target | req/s | vs Portkey | CPU µs/req | Portkey CPU ÷ this | services µs/req | p50 ms | p99 ms | p50 overhead ms | p99 overhead ms | failed |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [index, target] of targets.entries()) {
    const p50 = median(latency[index].map((run) => run.p50));
    const p99 = median(latency[index].map((run) => run.p99));
    const vsPortkey = index === 0 ? '' : `${(rate(index) / rate(1)).toFixed(2)} ×`;
    const cpuVsPortkey = index === 0 ? '' : `${(cpu(1) / cpu(index)).toFixed(2)} ×`;
    const over =
      index === 0 ? ['', ''] : [overhead(index, 'p50'), overhead(index, 'p99')].map((v) => v.toFixed(2));
    console.log(
      `| ${target.name} | ${rate(index).toFixed(0)} | ${vsPortkey} | ${cpu(index).toFixed(0)} | ${cpuVsPortkey} | ` +
        `${serviceCpu(index).toFixed(0)} | ` +
        `${p50.toFixed(2)} | ${p99.toFixed(2)} | ` +
        `${over[0]} | ${over[1]} | ${failures[index]} |`,
    );
  }
  const answered = targets.map((_, index) =>
    [...throughput[index], ...latency[index]].reduce(
      (sum, run) => sum + run.requestsPerSecond * options.seconds,
      0,
    ),
  );
  console.log(
    `\nrequests answered while measured (warm-up not counted): ${answered.map((n) => n.toFixed(0)).join(', ')}`,
  );
  for (const [index, target] of targets.entries()) {
    if (index > 0 && rate(index) < options.latencyRate * SATURATION_MARGIN) {
      console.log(
        `saturated: ${target.name} carried ${rate(index).toFixed(0)} req/s at most, too close to the latency phase's ` +
          `${options.latencyRate} req/s: its latency columns measure queueing (busy machine), not its own path`,
      );
    }
  }
  const proxyFloor = overhead(TRIVIAL_PROXY, 'p50');
  console.log(
    `self-check: the trivial node:http proxy adds ${proxyFloor.toFixed(2)} ms p50 over the stub ` +
      (proxyFloor <= SELF_CHECK_P50_MS
        ? `(≤ ${SELF_CHECK_P50_MS} ms: the latency phase measures the gateways)`
        : `— SELF-CHECK FAILED (> ${SELF_CHECK_P50_MS} ms): the latency phase measures the load generator or the ` +
          'machine, not the gateways; its overhead columns mean nothing in this run'),
  );
  console.log(
    'goals (issue 16): default live policy ≥ 1.0 × Portkey throughput, overhead ≤ 2 ms p50 and ≤ 5 ms p99; ' +
      'rules-only ≥ 2 × Portkey',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
