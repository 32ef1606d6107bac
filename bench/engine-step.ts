/**
 * One decode step of the embedded engine's decoder (OnnxBatchDecoder, in-place cache) for 1 row and for 8 rows: what
 * a step costs and how it grows per row, which is what bounds the 8-stream / 1-stream ratio of bench:engine-http
 * (a step is F + rows × R; 8 rows give 8 (F + R) / (F + 8 R) times one row's tokens/s). Each run decodes 256 greedy
 * tokens per row after a short prompt, so the cached positions average ≈ 130 as in the HTTP bench. Rounds are
 * interleaved; medians are shown. CPU time (all threads of this process) is the figure that survives a loaded machine.
 *
 *   npm run build && node dist/bench/engine-step.js [rounds] [--granularity 32,16] [--rows 1,4,8] [--ops]
 *
 * `--granularity a,b` compares cache capacity steps (KvCache) in the same rounds and checks that they decode the same
 * tokens. `--ops` also runs one profiled 256-step run per batch size under onnxruntime's profiler and splits the step
 * by kind of node (median kernel time of each node over the steps, summed): which part of the graph a row adds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config/config';
import { ENGINE_TUNING } from '../server/src/inference/embedded/engine-pool';
import { LoadedModel, loadModelDirectory } from '../server/src/inference/embedded/model-loader';
import { DecoderOptions, OnnxBatchDecoder } from '../server/src/inference/embedded/onnx-decoder';
import { STREAM_PROMPTS } from './engine-prompts';
import { loadAverage, median } from './gateway-processes';

const ARGS = process.argv.slice(2);
const OPS_AT = ARGS.indexOf('--ops');
const OPS = OPS_AT >= 0 && ARGS.splice(OPS_AT, 1).length > 0;
const GRANULARITY_AT = ARGS.indexOf('--granularity');
const GRANULARITIES =
  GRANULARITY_AT >= 0
    ? ARGS.splice(GRANULARITY_AT, 2)[1].split(',').map(Number)
    : [ENGINE_TUNING.granularity as number];
const ROWS_AT = ARGS.indexOf('--rows');
/** `--rows 1,4,8`: batch sizes to step (the first is the reference; with two engine workers, 8 streams run as 4 + 4). */
const BATCHES = ROWS_AT >= 0 ? ARGS.splice(ROWS_AT, 2)[1].split(',').map(Number) : [1, 8];
const ROUNDS = Number(ARGS[0] ?? 7);
const MODEL = 'stories260K';
const NEW_TOKENS = 256;

interface StepSample {
  wallMicrosPerStep: number;
  cpuMicrosPerStep: number;
  /** Every row's greedy tokens, row after row. */
  tokens: string;
}

/** Greedy decoding of `rows` prompts together; end-of-text is skipped so every row makes all its tokens. */
async function decode(decoder: OnnxBatchDecoder, prompts: number[][], eos: Set<number>): Promise<StepSample> {
  decoder.reset();
  const rows = prompts.length;
  const next = new Int32Array(rows);
  const generated: number[][] = prompts.map(() => []);
  const vocab = decoder.vocabSize;
  for (const [row, ids] of prompts.entries()) {
    const prefill = await decoder.prefill(ids);
    next[row] = greedy(prefill.logits, (prefill.length - 1) * vocab, vocab, eos);
    decoder.addRow(prefill);
  }
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let step = 0; step < NEW_TOKENS; step++) {
    const logits = await decoder.step(next);
    for (let row = 0; row < rows; row++) {
      generated[row].push(next[row]);
      next[row] = greedy(logits, row * vocab, vocab, eos);
    }
  }
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    wallMicrosPerStep: (elapsed * 1000) / NEW_TOKENS,
    cpuMicrosPerStep: (used.user + used.system) / NEW_TOKENS,
    tokens: generated.map((ids) => ids.join(',')).join(';'),
  };
}

function greedy(logits: Float32Array, offset: number, vocab: number, eos: Set<number>): number {
  let best = -1;
  for (let id = 0; id < vocab; id++) {
    if (!eos.has(id) && (best < 0 || logits[offset + id] > logits[offset + best])) best = id;
  }
  return best;
}

/** Which part of a decode step a profiled node belongs to. */
function stageOf(event: ProfileEvent): string {
  const op = event.args.op_name;
  const shapes = event.args.input_type_shape ?? [];
  const weightless = event.args.parameter_size === '0' && shapes.length === 2;
  if (op === 'FusedMatMul' && weightless) return 'attention: scores q·Kᵀ over the cache (FusedMatMul)';
  if (op === 'MatMul' && weightless) return 'attention: weighted values p·V over the cache (MatMul)';
  if (op === 'Concat' && Object.values(shapes[0] ?? {})[0]?.length === 4)
    return 'attention: past + new keys/values (Concat)';
  if (op === 'Softmax') return 'attention: softmax';
  if (op === 'Add' && Object.values(shapes[0] ?? {})[0]?.length === 4)
    return 'attention: mask added to the scores';
  if (op === 'MatMul' || op === 'FusedMatMul')
    return 'weight MatMuls (q/k/v with RoPE, output, MLP, classifier)';
  if (op === 'SimplifiedLayerNormalization') return 'RMSNorm';
  return `other: ${op}`;
}

interface ProfileEvent {
  cat: string;
  name: string;
  ts: number;
  dur: number;
  args: {
    op_name: string;
    parameter_size?: string;
    input_type_shape?: Array<Record<string, number[]>>;
  };
}

/** Median kernel time of every node over the profiled steps, summed per stage (µs per step). */
async function profileStages(
  model: LoadedModel,
  prompts: number[][],
  eos: Set<number>,
  granularity: number,
): Promise<Map<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-engine-step-'));
  try {
    const decoder = await OnnxBatchDecoder.load(model.spec, {
      maxRows: 16,
      granularity,
      session: { enableProfiling: true, profileFilePrefix: path.join(dir, 'ort') },
    });
    await decode(decoder, prompts, eos);
    // onnxruntime writes the profile when the session ends.
    await decoder.release();
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.json'));
    const events = JSON.parse(fs.readFileSync(path.join(dir, file!), 'utf8')) as ProfileEvent[];
    const runs = events.filter((event) => event.name === 'model_run');
    // The decode steps are the last runs (the prefills come first).
    const from = runs[runs.length - NEW_TOKENS].ts;
    const byNode = new Map<string, { stage: string; durations: number[] }>();
    for (const event of events) {
      if (event.cat !== 'Node' || event.ts < from || !event.name.endsWith('_kernel_time')) continue;
      const node = byNode.get(event.name) ?? { stage: stageOf(event), durations: [] };
      node.durations.push(event.dur);
      byNode.set(event.name, node);
    }
    const stages = new Map<string, number>();
    for (const { stage, durations } of byNode.values()) {
      stages.set(stage, (stages.get(stage) ?? 0) + median(durations));
    }
    return stages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const model = loadModelDirectory(path.join(config.models.directory, MODEL));
  const eos = new Set(model.spec.eosTokenIds);
  const prompts = STREAM_PROMPTS.map((prompt) => model.tokenizer.encode(prompt));
  const options = (granularity: number): DecoderOptions => ({ maxRows: 16, granularity });
  const decoders = await Promise.all(
    GRANULARITIES.map((granularity) => OnnxBatchDecoder.load(model.spec, options(granularity))),
  );
  const samples = GRANULARITIES.map(() => BATCHES.map(() => [] as StepSample[]));
  for (const decoder of decoders) {
    for (const rows of BATCHES) await decode(decoder, prompts.slice(0, rows), eos);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [batch, rows] of BATCHES.entries()) {
      for (const [index, decoder] of decoders.entries()) {
        samples[index][batch].push(await decode(decoder, prompts.slice(0, rows), eos));
      }
    }
  }

  console.log(`model ${MODEL}; ${NEW_TOKENS} greedy steps per run after the prompt, in-place cache`);
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${loadAverage()}`,
  );
  console.log(`median of ${ROUNDS} interleaved rounds\n`);
  console.log(
    '| granularity | rows | wall µs/step | CPU µs/step | CPU µs/token | n rows vs 1: tokens/s (wall, CPU) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [index, granularity] of GRANULARITIES.entries()) {
    const wall = samples[index].map((runs) => median(runs.map((run) => run.wallMicrosPerStep)));
    const cpu = samples[index].map((runs) => median(runs.map((run) => run.cpuMicrosPerStep)));
    for (const [batch, rows] of BATCHES.entries()) {
      const ratio =
        batch === 0
          ? ''
          : `${((rows * wall[0]) / wall[batch]).toFixed(2)} ×, ${((rows * cpu[0]) / cpu[batch]).toFixed(2)} ×`;
      console.log(
        `| ${granularity} | ${rows} | ${wall[batch].toFixed(0)} | ${cpu[batch].toFixed(0)} | ${(cpu[batch] / rows).toFixed(0)} | ${ratio} |`,
      );
    }
  }
  const reference = samples[0].map((runs) => runs[0].tokens);
  const alike = samples.every((batches) =>
    batches.every((runs, batch) => runs.every((run) => run.tokens === reference[batch])),
  );
  const alone = reference[1].split(';')[0] === reference[0];
  console.log(
    `\nsame tokens in every round${GRANULARITIES.length > 1 ? ' and granularity' : ''}: ${alike}; ` +
      `row 0 decodes the same alone and in the batch of 8: ${alone}`,
  );

  if (OPS) {
    const [one, eight] = [
      await profileStages(model, prompts.slice(0, 1), eos, GRANULARITIES[0]),
      await profileStages(model, prompts.slice(0, 8), eos, GRANULARITIES[0]),
    ];
    const extra = (stage: string) => ((eight.get(stage) ?? 0) - (one.get(stage) ?? 0)) / 7;
    const stages = [...new Set([...one.keys(), ...eight.keys()])].sort((a, b) => extra(b) - extra(a));
    const total = (stages: Map<string, number>) =>
      [...stages.values()].reduce((sum, value) => sum + value, 0);
    const perRow = (total(eight) - total(one)) / 7;
    console.log(
      `\nWhere a step goes, by kind of node (onnxruntime profiler, granularity ${GRANULARITIES[0]}: median kernel µs of ` +
        'each node over 256 steps, summed; the profiler inflates every node, so shares are the useful part):\n',
    );
    console.log('| stage | 1 row | 8 rows | each extra row | share of a row |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const stage of stages) {
      console.log(
        `| ${stage} | ${(one.get(stage) ?? 0).toFixed(0)} | ${(eight.get(stage) ?? 0).toFixed(0)} | ` +
          `${extra(stage).toFixed(1)} | ${((100 * extra(stage)) / perRow).toFixed(1)} % |`,
      );
    }
    console.log(
      `| **all kernels** | **${total(one).toFixed(0)}** | **${total(eight).toFixed(0)}** | **${perRow.toFixed(1)}** | |`,
    );
  }
  await Promise.all(decoders.map((decoder) => decoder.release()));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
