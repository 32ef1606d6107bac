/**
 * Where the api process spends its CPU under bench/gateway.ts: reads a V8 `.cpuprofile` (written by
 * `npm run bench:gateway -- --cpu-prof <dir>`) and prints self time grouped by request stage, then the top
 * functions. A frame without a script (a builtin such as JSON.parse) counts towards the stage of the nearest caller
 * that has one, so serialization lands where it is asked for. Samples before the first one inside the /v1 request
 * path (start-up) are left out.
 *
 *   node dist/bench/gateway-profile.js <file.cpuprofile> [top]
 */
import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First match wins: specific product folders before the libraries they call. */
const STAGES: Array<[RegExp, string]> = [
  [
    /server\/src\/moderation\/checks\/lexicon|server\/src\/moderation\/.*normali[sz]/,
    'moderation: lexicon check',
  ],
  [/server\/src\/moderation\/checks\/pii/, 'moderation: PII check'],
  [/server\/src\/moderation\/checks\/prompt-injection/, 'moderation: injection check'],
  // The classifier's own files run on both sides: the hand-off on the main thread, the scorer in its worker threads.
  [/server\/src\/moderation\/(checks\/classifier|classifier)/, 'moderation: classifier (hand-off, scorer)'],
  // The readers of the text (evader readings, what a text asks or says) run in the classifier's worker threads; a few
  // (folding, escapes) also in the lexicon check on the main thread.
  [/server\/src\/moderation\/text/, 'moderation: text readers'],
  [/server\/src\/moderation/, 'moderation: policy, verdicts, redaction'],
  [/server\/src\/(api-keys|applications)/, 'authenticate + resolve (keys, applications)'],
  [/server\/src\/(limits|end-users)/, 'rate and length limits, end users'],
  [/server\/src\/request-logs/, 'request-log hand-off'],
  [/server\/src\/monitoring|node_modules\/prom-client/, 'metrics'],
  [
    /server\/src\/inference\/embedded\/(onnx-decoder|kv-cache|decoder-graph)/,
    'engine: decoder step (tensors, KV cache)',
  ],
  [/node_modules\/onnxruntime-(node|common)/, 'engine/classifier: onnxruntime session.run'],
  [/server\/src\/inference\/embedded\/sampler/, 'engine: sampling'],
  [/server\/src\/inference\/embedded\/batch-scheduler/, 'engine: scheduler'],
  [
    /server\/src\/inference\/embedded\/(engine\.worker|engine-pool|engine-protocol)/,
    'engine: IPC between threads',
  ],
  [/server\/src\/inference\/embedded\//, 'engine: requests, detokenizing, choices'],
  [/server\/src\/inference/, 'model provider (upstream client, tokenizer)'],
  [/server\/src\/completions/, 'completions pipeline, DTOs, SSE writing'],
  [/server\/src\//, 'other Warden code'],
  [/node_modules\/(bullmq|ioredis|msgpackr|@ioredis|redis-parser|cluster-key-slot)/, 'Redis client / BullMQ'],
  [
    /node_modules\/(pino|sonic-boom|pino-std-serializers|fast-redact|thread-stream|on-exit-leak-free)/,
    'logging',
  ],
  [/node_modules\/(zod|class-validator|class-transformer)/, 'validation (zod)'],
  [/node_modules\/(typeorm|pg|pg-pool|pg-protocol)/, 'Postgres client'],
  [
    /node_modules\/(undici)|node:internal\/deps\/undici|internal\/deps\/undici/,
    'upstream HTTP client (undici fetch)',
  ],
  [/node_modules\/@nestjs/, 'Nest (routing, DI, interceptors)'],
  [
    /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|toad-cache|process-warning)/,
    'Fastify',
  ],
  [/node_modules\/rxjs/, 'Nest (routing, DI, interceptors)'],
  [/node:internal\/(http|_http)|node:_http|node:http|internal\/http/, 'Node HTTP server'],
  [
    /node:(net|internal\/stream|internal\/streams|stream|events|internal\/event_target|buffer|internal\/buffer|internal\/process|internal\/timers|timers|internal\/async_hooks|async_hooks)|node:internal\/(stream_base_commons|net)/,
    'Node I/O, timers, events',
  ],
  [/node_modules\//, 'other libraries'],
  [/^node:/, 'Node (other)'],
];

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function stageOf(url: string): string | undefined {
  if (!url) return undefined;
  for (const [pattern, stage] of STAGES) {
    if (pattern.test(url)) return stage;
  }
  return 'other';
}

function shortUrl(url: string): string {
  const at = url.search(/(server\/src|node_modules)\//);
  return at >= 0 ? url.slice(at) : url.replace(/^file:\/\//, '');
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/gateway-profile.js <file.cpuprofile> [top]');
    process.exit(64);
  }
  const top = Number(topArg ?? 30);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // The stage is that of the nearest frame (itself or a caller) in Warden's code or a library; Node's own
  // internals (streams, MessagePort, timers) and builtins are charged to whoever called them.
  const stageCache = new Map<number, string>();
  const stageOfNode = (id: number): string => {
    const cached = stageCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const { functionName, url } = node.callFrame;
    let stage: string;
    if (SPECIAL.has(functionName)) stage = functionName;
    else if (/(server\/src|node_modules)\//.test(url)) stage = stageOf(url)!;
    else {
      const up = parent.get(id);
      const inherited = up === undefined ? undefined : stageOfNode(up);
      stage =
        inherited === undefined || inherited === '(root)'
          ? (stageOf(url) ?? 'native (no caller)')
          : inherited;
    }
    stageCache.set(id, stage);
    return stage;
  };

  // Start-up (loading modules, Nest's bootstrap, the first queries) is not what a request costs: samples count
  // from the first one taken inside the /v1 request path on (a /v1 frame not under the module loader, which runs
  // those files' top level at start-up).
  const stackHas = (test: (frame: CallFrame) => boolean) => {
    const memo = new Map<number, boolean>();
    const has = (id: number): boolean => {
      const cached = memo.get(id);
      if (cached !== undefined) return cached;
      const up = parent.get(id);
      const result = test(byId.get(id)!.callFrame) || (up !== undefined && has(up));
      memo.set(id, result);
      return result;
    };
    return has;
  };
  const inV1 = stackHas((frame) => frame.url.includes('server/src/v1/'));
  const loadingModules = stackHas((frame) => frame.url === 'node:internal/modules/cjs/loader');
  const firstRequest = Math.max(
    0,
    profile.samples.findIndex((id) => inV1(id) && !loadingModules(id)),
  );
  let startupMicros = 0;
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    if (index < firstRequest) startupMicros += micros;
    else selfByNode.set(id, (selfByNode.get(id) ?? 0) + micros);
  });
  const stages = new Map<string, number>();
  const functions = new Map<string, { micros: number; stage: string }>();
  let total = 0;
  let busy = 0;
  for (const [id, micros] of selfByNode) {
    const node = byId.get(id)!;
    const stage = stageOfNode(id);
    total += micros;
    if (stage !== '(idle)') busy += micros;
    stages.set(stage, (stages.get(stage) ?? 0) + micros);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : `(native, from ${stage})`}`;
    const entry = functions.get(key) ?? { micros: 0, stage };
    entry.micros += micros;
    functions.set(key, entry);
  }
  const ms = (micros: number) => (micros / 1000).toFixed(0);
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1)} %`;
  console.log(
    `${file}: ${ms(total)} ms sampled from the first /v1 request on (${ms(startupMicros)} ms of start-up before it ` +
      `left out), ${ms(busy)} ms not idle (shares below are of the latter)\n`,
  );
  console.log('| stage | self ms | share |');
  console.log('| --- | ---: | ---: |');
  for (const [stage, micros] of [...stages].sort((a, b) => b[1] - a[1])) {
    if (stage !== '(idle)') console.log(`| ${stage} | ${ms(micros)} | ${share(micros)} |`);
  }
  console.log(`\n| top ${top} functions by self time | stage | self ms | share |`);
  console.log('| --- | --- | ---: | ---: |');
  for (const [key, { micros, stage }] of [...functions]
    .filter(([, entry]) => entry.stage !== '(idle)')
    .sort((a, b) => b[1].micros - a[1].micros)
    .slice(0, top)) {
    console.log(`| ${key} | ${stage} | ${ms(micros)} | ${share(micros)} |`);
  }
}

main();
