/**
 * The embedded engine through HTTP: greedy tokens/s of one streamed `/v1/completions` request and the aggregate of 8
 * concurrent ones (256 new tokens each, end-of-text biased away), served by a real Warden (built dist, api and
 * worker processes, its own database and Redis prefix) under the default live policy (output moderation over the
 * stream included) and under a rules-only policy (every classifier category `allow`), against the raw onnxruntime
 * greedy loop of bench/engine-raw.ts measured in the same run. Rounds are interleaved; medians are shown.
 *
 *   npm run build && npm run bench:engine-http [-- rounds] [--cpu-prof <dir>] [--baseline-dist <dir>] [--engine-threads N]
 *
 * `--baseline-dist <dir>` also runs a second Warden from another build (e.g. main's dist), measured in the same
 * rounds, so a change is compared before and after in one run.
 *
 * Besides tokens/s it shows the api process's CPU time per token (from /proc, all its threads, over all rounds). With
 * `--cpu-prof`, every build's api runs under the profiler and a table per build splits its time per token by thread
 * and step (see bench/engine-profile.ts), over the measured rounds only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadConfig } from '../server/src/config/config';
import { loadModelDirectory } from '../server/src/inference/embedded/model-loader';
import { OPENAI_CATEGORIES } from '../server/src/moderation/moderation.types';
import { engineBreakdown } from './engine-profile';
import { STREAM_PROMPTS } from './engine-prompts';
import { openRawModel, rawGreedy, Sample, timed } from './engine-raw';
import {
  addApplication,
  removeWarden,
  loadAverage,
  median,
  processCpuMicros,
  Processes,
  startWarden,
  Warden,
} from './gateway-processes';

const ARGS = process.argv.slice(2);
const PROFILE_AT = ARGS.indexOf('--cpu-prof');
/** `--cpu-prof <dir>`: the api process runs under `node --cpu-prof` (one profile per thread, on exit). */
const CPU_PROFILE_DIR = PROFILE_AT >= 0 ? path.resolve(ARGS.splice(PROFILE_AT, 2)[1] ?? '.') : undefined;
const BASELINE_AT = ARGS.indexOf('--baseline-dist');
const BASELINE_DIST = BASELINE_AT >= 0 ? path.resolve(ARGS.splice(BASELINE_AT, 2)[1] ?? '.') : undefined;
const THREADS_AT = ARGS.indexOf('--engine-threads');
/** `--engine-threads N`: this build's engine worker threads (the baseline keeps its default), to compare scale-out. */
const ENGINE_THREADS = THREADS_AT >= 0 ? ARGS.splice(THREADS_AT, 2)[1] : undefined;
const ROUNDS = Number(ARGS[0] ?? 5);
const MODEL = 'stories260K';
const NEW_TOKENS = 256;
const STREAMS = 8;

/** Streams one completion and returns its completion-token count from the usage chunk. */
async function streamCompletion(url: string, key: string, prompt: string, eos: number[]): Promise<number> {
  const response = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: MODEL,
      prompt,
      max_tokens: NEW_TOKENS,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
      logit_bias: Object.fromEntries(eos.map((id) => [String(id), -100])),
    }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`Warden answered ${response.status}: ${body.slice(0, 400)}`);
  const events = body.split('\n\n').filter(Boolean);
  if (events.at(-1) !== 'data: [DONE]')
    throw new Error(`the stream did not end with [DONE]: ${body.slice(-400)}`);
  const usage = JSON.parse(events.at(-2)!.slice('data: '.length)) as {
    usage?: { completion_tokens: number };
  };
  const finishes = events.filter((event) => event.includes('"finish_reason":"content_filter"'));
  if (finishes.length > 0) throw new Error(`output moderation ended a stream: ${finishes[0]}`);
  if (usage.usage?.completion_tokens !== NEW_TOKENS) {
    throw new Error(`a stream produced ${usage.usage?.completion_tokens} tokens, not ${NEW_TOKENS}`);
  }
  return NEW_TOKENS;
}

interface HttpSample extends Sample {
  /** CPU time of Warden's api process over the sample, and the tokens it made. */
  apiMicros: number;
  tokens: number;
}

async function timedHttp(apiPid: number, run: () => Promise<number>): Promise<HttpSample> {
  const before = processCpuMicros(apiPid);
  let tokens = 0;
  const sample = await timed(async () => (tokens = await run()));
  return { ...sample, apiMicros: processCpuMicros(apiPid) - before, tokens };
}

/** Each build's api writes its profiles to its own folder. */
function profileDir(label: string): string {
  const dir = path.join(CPU_PROFILE_DIR!, label);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The clock V8 stamps profile samples with (CLOCK_MONOTONIC), in microseconds. */
function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { spec } = loadModelDirectory(path.join(config.models.directory, MODEL));
  const eos = spec.eosTokenIds;
  const raw = await openRawModel(spec);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-engine-http-'));
  const processes = new Processes(logDir);
  const wardens: Warden[] = [];
  const watchdog = setTimeout(
    () => {
      console.error('engine-http bench: still running after its time budget; stopping everything');
      void processes.stopAll().finally(() => process.exit(2));
    },
    (240 + ROUNDS * (BASELINE_DIST ? 120 : 60)) * 1000,
  );
  const interrupted = () => void processes.stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const builds = [
      { label: 'engine_http', name: '', dist: undefined as string | undefined },
      ...(BASELINE_DIST
        ? [
            {
              label: 'engine_http_baseline',
              name: `build in ${path.basename(path.dirname(BASELINE_DIST))}/, `,
              dist: BASELINE_DIST,
            },
          ]
        : []),
    ];
    const policies: Array<{ name: string; key: string; url: string; apiPid: number }> = [];
    for (const build of builds) {
      const warden = await startWarden(processes, {
        label: build.label,
        env: {
          WARDEN_EMBEDDED_MODELS: MODEL,
          WARDEN_UPSTREAM_URL: '',
          WARDEN_UPSTREAM_MODELS: '',
          ...(ENGINE_THREADS && !build.dist ? { WARDEN_ENGINE_THREADS: ENGINE_THREADS } : {}),
        },
        cpuProfileDir: CPU_PROFILE_DIR && profileDir(build.label),
        dist: build.dist,
      });
      wardens.push(warden);
      const allow = { action: 'allow' };
      const rulesOnlyKey = await addApplication(warden, 'Rules-only benchmark', {
        categories: Object.fromEntries(
          OPENAI_CATEGORIES.map((category) => [category, { input: allow, output: allow }]),
        ),
      });
      const apiPid = processes.pid(`${build.label}-api`);
      policies.push(
        { name: `${build.name}default live policy`, key: warden.defaultKey, url: warden.url, apiPid },
        { name: `${build.name}rules-only policy`, key: rulesOnlyKey, url: warden.url, apiPid },
      );
    }
    type Policy = (typeof policies)[number];
    const one = (policy: Policy, round: number) => () =>
      streamCompletion(policy.url, policy.key, STREAM_PROMPTS[round % STREAM_PROMPTS.length], eos);
    const eight = (policy: Policy) => async () =>
      (
        await Promise.all(
          STREAM_PROMPTS.slice(0, STREAMS).map((prompt) =>
            streamCompletion(policy.url, policy.key, prompt, eos),
          ),
        )
      ).reduce((sum, count) => sum + count, 0);

    await rawGreedy(raw, 1, 64);
    for (const policy of policies) {
      await one(policy, 0)();
      await eight(policy)();
    }
    const rawSamples: Sample[] = [];
    const http = policies.map(() => ({ one: [] as HttpSample[], eight: [] as HttpSample[] }));
    const measuredFrom = monotonicMicros();
    for (let round = 0; round < ROUNDS; round++) {
      rawSamples.push(await timed(() => rawGreedy(raw, 1, NEW_TOKENS)));
      for (const [index, policy] of policies.entries()) {
        http[index].one.push(await timedHttp(policy.apiPid, one(policy, round)));
        http[index].eight.push(await timedHttp(policy.apiPid, eight(policy)));
      }
    }
    const measuredTo = monotonicMicros();

    const rate = (samples: Sample[]) => median(samples.map((sample) => sample.tokensPerSecond));
    // Summed over the rounds: /proc counts CPU in 10 ms ticks, which is 39 µs per token of one 256-token stream.
    const cpu = (samples: HttpSample[]) =>
      (
        samples.reduce((sum, sample) => sum + sample.apiMicros, 0) /
        samples.reduce((sum, sample) => sum + sample.tokens, 0)
      ).toFixed(0);
    const raw1 = rate(rawSamples);
    const cpus = os.cpus();
    console.log(`model ${MODEL}; ${NEW_TOKENS} new tokens per stream, greedy, streamed over HTTP (SSE)`);
    console.log(
      `node ${process.version}, onnxruntime-node ${ort.env.versions.common}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ` +
        `load average ${loadAverage()}`,
    );
    console.log(
      `median of ${ROUNDS} interleaved rounds; engine: ${ENGINE_THREADS ?? config.models.engine.threads} worker thread(s)${ENGINE_THREADS && BASELINE_DIST ? ' (baseline: its default)' : ''}, max batch ${config.models.engine.maxBatch}\n`,
    );
    console.log('| measurement | tokens/s | api CPU µs/token | ratio |');
    console.log('| --- | ---: | ---: | --- |');
    console.log(
      `| raw onnxruntime-node greedy loop, 1 stream, in-process | ${raw1.toFixed(0)} | ${median(rawSamples.map((s) => s.cpuMicrosPerToken)).toFixed(0)} (bench process) | 1.00 (baseline) |`,
    );
    for (const [index, policy] of policies.entries()) {
      const single = rate(http[index].one);
      const aggregate = rate(http[index].eight);
      console.log(
        `| HTTP, ${policy.name}, 1 stream | ${single.toFixed(0)} | ${cpu(http[index].one)} | ${(single / raw1).toFixed(2)} × raw loop (goal ≥ 1.0) |`,
      );
      console.log(
        `| HTTP, ${policy.name}, ${STREAMS} concurrent streams (aggregate) | ${aggregate.toFixed(0)} | ${cpu(http[index].eight)} | ` +
          `${(aggregate / single).toFixed(2)} × 1 stream (goal ≥ 4); ${(aggregate / raw1).toFixed(2)} × raw loop |`,
      );
    }
    if (CPU_PROFILE_DIR) {
      // Profiles are written when the api exits.
      await processes.stopAll();
      const tokens = ROUNDS * (1 + STREAMS) * NEW_TOKENS * 2;
      for (const build of builds) {
        console.log(
          `\nWhere the api CPU of ${build.dist ? `the ${build.name.replace(/, $/, '')}` : 'this build'} goes per generated token ` +
            `(both policies, 1 and ${STREAMS} streams, measured rounds only; busy time of each thread):\n`,
        );
        console.log(engineBreakdown(profileDir(build.label), measuredFrom, measuredTo, tokens).join('\n'));
      }
    }
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    for (const warden of wardens) await removeWarden(warden);
    await raw.session.release();
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
