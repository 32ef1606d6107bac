/**
 * Where a generated token's CPU time goes in Warden's api process, by thread and by step, from the V8 profiles that
 * `bench/engine-http.ts --cpu-prof <dir>` has the api write (one per thread). Only samples inside the measured
 * window count (monotonic microseconds, the clock V8 stamps samples with), so start-up and warm-up stay out.
 *
 *   node dist/bench/engine-profile.js <dir> <from µs> <to µs> <tokens>
 *
 * A sample is charged to the innermost frame in Warden's code or a library that matches a step below; builtins and
 * Node internals (postMessage, JSON.stringify, socket writes) thereby land on the step that asked for them.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Innermost match wins. */
const STEPS: Array<[RegExp, string]> = [
  [/node_modules\/onnxruntime-(node|common)\//, 'onnxruntime `session.run`'],
  [/inference\/embedded\/sampler/, 'sampling'],
  [/inference\/embedded\/(onnx-decoder|kv-cache)/, 'decoder step in JS (feeds, KV-cache writes)'],
  [/inference\/embedded\/batch-scheduler/, 'scheduler'],
  [/inference\/embedded\/engine\.worker/, 'hand-off to the main thread (`postMessage`)'],
  [/inference\/embedded\/engine-pool/, 'receiving engine events'],
  [
    /inference\/embedded\/(choice-builder|text-decoder|stop-sequences|completion-run|model-tokenizer)/,
    'detokenizing, stop sequences, choices',
  ],
  [/server\/src\/moderation\/output-guard/, 'output guard (windows, releases)'],
  [/server\/src\/moderation\/classifier\//, 'classifier hand-off'],
  [/server\/src\/moderation\//, 'moderation checks on the main thread (lexicon, PII, verdicts)'],
  [/server\/src\/v1\/(event-stream|completions\.dto)/, 'SSE framing and socket writes'],
  [
    /server\/src\/(v1\/completion-generation|inference\/embedded\/embedded\.provider)/,
    'stream pipeline (generators from engine to socket)',
  ],
];
const PRODUCT_FRAME = /(server\/src|node_modules)\//;

type Thread = 'engine worker' | 'classifier' | 'rule checks' | 'main';

function threadOf(profile: CpuProfile): Thread {
  const urls = profile.nodes.map((node) => node.callFrame.url);
  if (urls.some((url) => url.includes('inference/embedded/engine.worker'))) return 'engine worker';
  if (urls.some((url) => url.includes('moderation/classifier/classifier.worker'))) return 'classifier';
  if (urls.some((url) => url.includes('checks/rule-check.worker'))) return 'rule checks';
  return 'main';
}

/** Busy microseconds per step of one thread's profile, between `from` and `to`. */
function stepTimes(profile: CpuProfile, thread: Thread, from: number, to: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const cache = new Map<number, string | null>();
  const stepOf = (leaf: number): string | null => {
    const cached = cache.get(leaf);
    if (cached !== undefined) return cached;
    const name = byId.get(leaf)!.callFrame.functionName;
    let step: string | null = null;
    if (name === '(idle)' || name === '(root)') step = null;
    else if (name === '(garbage collector)') step = 'garbage collector';
    else if (thread === 'classifier') step = 'classifier thread (tokenizer, onnxruntime)';
    else if (thread === 'rule checks') step = 'rule checks on long texts';
    else {
      step = 'per-request work (HTTP, Nest, auth, limits, logs)';
      let sawProduct = false;
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
        const url = byId.get(id)!.callFrame.url;
        if (!PRODUCT_FRAME.test(url)) continue;
        sawProduct = true;
        const match = STEPS.find(([pattern]) => pattern.test(url));
        if (match) {
          step = match[1];
          break;
        }
      }
      if (!sawProduct) step = 'Node runtime (event loop, message ports, sockets)';
    }
    cache.set(leaf, step);
    return step;
  };
  const times = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const delta = profile.timeDeltas[index + 1] ?? 0;
    if (at < from || at > to) return;
    const step = stepOf(id);
    if (step) times.set(step, (times.get(step) ?? 0) + delta);
  });
  return times;
}

/** The table, as markdown lines: µs per token for each thread and step, and each step's share of its thread. */
export function engineBreakdown(dir: string, from: number, to: number, tokens: number): string[] {
  const rows: Array<{ thread: Thread; step: string; micros: number }> = [];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const thread = threadOf(profile);
    for (const [step, micros] of stepTimes(profile, thread, from, to)) rows.push({ thread, step, micros });
  }
  const order: Thread[] = ['engine worker', 'main', 'classifier', 'rule checks'];
  const lines = ['| thread | step | µs per token | share of thread |', '| --- | --- | ---: | ---: |'];
  let total = 0;
  for (const thread of order) {
    const own = rows.filter((row) => row.thread === thread).sort((a, b) => b.micros - a.micros);
    const sum = own.reduce((acc, row) => acc + row.micros, 0);
    if (sum === 0) continue;
    total += sum;
    for (const row of own) {
      lines.push(
        `| ${thread} | ${row.step} | ${(row.micros / tokens).toFixed(1)} | ${((100 * row.micros) / sum).toFixed(1)} % |`,
      );
    }
    lines.push(`| ${thread} | **all** | **${(sum / tokens).toFixed(1)}** | |`);
  }
  lines.push(`| api process | **all threads** | **${(total / tokens).toFixed(1)}** | |`);
  return lines;
}

if (require.main === module) {
  const [dir, from, to, tokens] = process.argv.slice(2);
  if (!dir || !from || !to || !tokens) {
    console.error('usage: node dist/bench/engine-profile.js <dir> <from µs> <to µs> <tokens>');
    process.exit(64);
  }
  console.log(engineBreakdown(dir, Number(from), Number(to), Number(tokens)).join('\n'));
}
