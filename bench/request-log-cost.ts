/**
 * What a request costs the api and the worker processes apiece (the request log's hand-off is in the first, its
 * writing in the second), this build against another in the same run: Warden with the rules-only policy (no
 * classifier, so the log's share shows) in front of the loopback stub upstream, loaded by autocannon at a fixed
 * rate (both builds divide their idle cost among the same number of requests) and with 16 connections (as many as
 * each can answer). Rounds are interleaved and medians shown.
 *
 *   npm run build && node dist/bench/request-log-cost.js --baseline-dist <other build>/dist [--rounds 3 --seconds 5 --rate 200]
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import {
  addApplication,
  removeWarden,
  loadAverage,
  median,
  Processes,
  processCpuMicros,
  startBenchServer,
  startWarden,
  stubUpstreamEnv,
  Warden,
} from './gateway-processes';

interface Target {
  name: string;
  url: string;
  key: string;
  api: number;
  worker: number;
  /** CPU each process burns a second with no request at all (timers, queue polling, metrics). */
  idle?: { api: number; worker: number };
}

interface Run {
  requestsPerSecond: number;
  apiMicrosPerRequest: number;
  workerMicrosPerRequest: number;
  failures: number;
}

function option(name: string, fallback?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

async function load(target: Target, seconds: number, rate?: number): Promise<Run> {
  const apiBefore = processCpuMicros(target.api);
  const workerBefore = processCpuMicros(target.worker);
  let answered = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.url}/v1/completions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.key}` },
        body: JSON.stringify({
          model: 'bench-model',
          prompt: 'Summarise the planning meeting.',
          max_tokens: 32,
        }),
        connections: 16,
        overallRate: rate,
        duration: seconds,
      },
      (err, done) => (err ? reject(err) : resolve(done)),
    );
    instance.on('response', (_client, statusCode) => {
      if (statusCode === 200) answered++;
    });
  });
  // The worker writes what the api handed off a moment later: its CPU is read once it has caught up.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return {
    requestsPerSecond: answered / seconds,
    apiMicrosPerRequest: (processCpuMicros(target.api) - apiBefore) / answered,
    workerMicrosPerRequest: (processCpuMicros(target.worker) - workerBefore) / answered,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const rounds = Number(option('rounds', '3'));
  const seconds = Number(option('seconds', '5'));
  const rate = Number(option('rate', '200'));
  const baselineDist = option('baseline-dist');
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-request-log-'));
  const processes = new Processes(logDir);
  const wardens: Warden[] = [];
  const watchdog = setTimeout(
    () => {
      console.error('request-log cost bench: still running; stopping everything');
      void processes.stopAll().finally(() => process.exit(2));
    },
    (300 + rounds * 4 * (seconds + 3)) * 1000,
  );
  try {
    const stubUrl = await startBenchServer(processes, 'stub', 'gateway-stub.js');
    const start = async (label: string, name: string, dist?: string): Promise<Target> => {
      const warden = await startWarden(processes, {
        label,
        env: stubUpstreamEnv(stubUrl),
        dist,
      });
      wardens.push(warden);
      const allow = { action: 'allow' };
      const key = await addApplication(warden, 'Rules-only benchmark', {
        categories: Object.fromEntries(
          OPENAI_CATEGORIES.map((category) => [category, { input: allow, output: allow }]),
        ),
      });
      return {
        name,
        url: warden.url,
        key,
        api: processes.pid(`${label}-api`),
        worker: processes.pid(`${label}-worker`),
      };
    };
    const targets = [await start('logcost', 'this build')];
    if (baselineDist) {
      targets.push(
        await start('logcost_base', `build in ${path.basename(path.dirname(baselineDist))}/`, baselineDist),
      );
    }
    for (const target of targets) await load(target, 3);
    for (const target of targets) {
      const api = processCpuMicros(target.api);
      const worker = processCpuMicros(target.worker);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      target.idle = {
        api: (processCpuMicros(target.api) - api) / seconds,
        worker: (processCpuMicros(target.worker) - worker) / seconds,
      };
    }
    const loads: Array<{ label: string; rate?: number }> = [
      { label: `${rate} req/s`, rate },
      { label: '16 connections' },
    ];
    const runs = new Map<string, Run[]>();
    for (let round = 0; round < rounds; round++) {
      for (const { label, rate: fixed } of loads) {
        for (const target of targets) {
          const key = `${target.name}|${label}`;
          runs.set(key, [...(runs.get(key) ?? []), await load(target, seconds, fixed)]);
        }
      }
      console.error(`round ${round + 1}/${rounds} done, load average ${loadAverage()}`);
    }
    for (const target of targets) {
      console.log(
        `idle, ${target.name}: api ${(target.idle!.api / 1000).toFixed(1)} ms/s, worker ${(target.idle!.worker / 1000).toFixed(1)} ms/s`,
      );
    }
    console.log(
      `\nRequest cost by process, rules-only policy, median of ${rounds} interleaved rounds of ${seconds} s, load average ${loadAverage()}\n`,
    );
    console.log(
      '| build | load | req/s | api µs/req | worker µs/req | api + worker µs/req | worker µs/req above idle | failed |',
    );
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { label } of loads) {
      for (const target of targets) {
        const measured = runs.get(`${target.name}|${label}`)!;
        const api = median(measured.map((run) => run.apiMicrosPerRequest));
        const worker = median(measured.map((run) => run.workerMicrosPerRequest));
        const requestsPerSecond = median(measured.map((run) => run.requestsPerSecond));
        const aboveIdle = worker - target.idle!.worker / requestsPerSecond;
        console.log(
          `| ${target.name} | ${label} | ${requestsPerSecond.toFixed(0)} | ${api.toFixed(0)} | ${worker.toFixed(0)} | ${(api + worker).toFixed(0)} | ${aboveIdle.toFixed(0)} | ${measured.reduce((sum, run) => sum + run.failures, 0)} |`,
        );
      }
    }
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    for (const warden of wardens) await removeWarden(warden);
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

void main();
