/**
 * The engine benchmarks' baseline: a minimal onnxruntime-node greedy loop with KV cache on the calling thread, as a
 * developer would first write it (feed `present` back as `past`, new tensors every step, argmax).
 */
import * as ort from 'onnxruntime-node';
import { ModelSpec } from '../server/src/inference/embedded/model-spec';

export interface RawModel {
  session: ort.InferenceSession;
  layers: number;
  heads: number;
  headDim: number;
  vocab: number;
}

/** The baseline: a greedy loop as a developer would first write it, feeding `present` back as `past` every step. */
export async function rawGreedy(model: RawModel, batch: number, steps: number): Promise<number> {
  const { session, layers, heads, headDim, vocab } = model;
  const past: Record<string, ort.Tensor> = {};
  for (let layer = 0; layer < layers; layer++) {
    for (const kind of ['key', 'value']) {
      past[`past_key_values.${layer}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [
        batch,
        heads,
        0,
        headDim,
      ]);
    }
  }
  let ids = new BigInt64Array(batch).fill(1n);
  let generated = 0;
  for (let step = 0; step < steps; step++) {
    const outputs = await session.run({
      input_ids: new ort.Tensor('int64', ids, [batch, 1]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(batch * (step + 1)).fill(1n), [
        batch,
        step + 1,
      ]),
      position_ids: new ort.Tensor('int64', new BigInt64Array(batch).fill(BigInt(step)), [batch, 1]),
      ...past,
    });
    for (let layer = 0; layer < layers; layer++) {
      for (const kind of ['key', 'value']) {
        past[`past_key_values.${layer}.${kind}`] = outputs[`present.${layer}.${kind}`];
      }
    }
    const logits = outputs.logits.data as Float32Array;
    ids = new BigInt64Array(batch);
    for (let row = 0; row < batch; row++) {
      let best = 0;
      for (let token = 1; token < vocab; token++) {
        if (logits[row * vocab + token] > logits[row * vocab + best]) best = token;
      }
      ids[row] = BigInt(best);
      generated++;
    }
  }
  return generated;
}

export async function openRawModel(spec: ModelSpec): Promise<RawModel> {
  const session = await ort.InferenceSession.create(spec.onnxPath, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  return {
    session,
    layers: session.inputNames.filter((name) => /^past_key_values\.\d+\.key$/.test(name)).length,
    heads: spec.kvHeads ?? 0,
    headDim: spec.headDim ?? 0,
    vocab: spec.vocabSize,
  };
}

export interface Sample {
  tokensPerSecond: number;
  /** Process CPU time (all threads) per generated token: what the work costs, whatever else the machine runs. */
  cpuMicrosPerToken: number;
}

export async function timed(run: () => Promise<number>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const tokens = await run();
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    tokensPerSecond: tokens / (elapsed / 1000),
    cpuMicrosPerToken: (used.user + used.system) / tokens,
  };
}
