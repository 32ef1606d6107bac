/**
 * Fine-tuning throughput on the 200-example file (stories260K, batch 8): the product's trainer (seeded
 * shuffling, per-step metrics and hooks, cancellation checks) against a minimal TensorFlow.js loop over the same
 * rebuilt model and backend (fixed batches, the masked cross-entropy, Adam), measured alternately in one run.
 *
 *   npm run build && node dist/bench/fine-tuning.js [rounds]
 */
import * as tf from '@tensorflow/tfjs';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/src/config/config';
import { DecoderModel, useTrainingBackend } from '../server/src/fine-tuning/trainer/decoder-model';
import { BASE_LEARNING_RATE } from '../server/src/fine-tuning/trainer/defaults';
import { tokenizeExample } from '../server/src/fine-tuning/trainer/examples';
import { recognizeLlamaLayout } from '../server/src/fine-tuning/trainer/llama-layout';
import { readFloatInitializers, readGraphNodes } from '../server/src/fine-tuning/trainer/onnx-initializers';
import { DecoderTrainer, TokenizedExample } from '../server/src/fine-tuning/trainer/trainer';
import { loadModelDirectory } from '../server/src/inference/embedded/model-loader';

const ROUNDS = Number(process.argv[2] ?? 3);
const EXAMPLES = 200;
const BATCH = 8;
const PROMPT = 'Q: What is the magic word?\nA:';

/** The whole baseline: fixed right-padded batches, masked cross-entropy on completion tokens, Adam. */
async function minimalEpoch(
  onnx: Uint8Array,
  config: ModelConfig,
  examples: TokenizedExample[],
): Promise<number> {
  const weights = readFloatInitializers(onnx);
  const model = new DecoderModel(recognizeLlamaLayout(weights, readGraphNodes(onnx), config), weights);
  const optimizer = tf.train.adam(BASE_LEARNING_RATE);
  const started = performance.now();
  for (let start = 0; start < examples.length; start += BATCH) {
    const batch = examples
      .slice(start, start + BATCH)
      .map((example) => [...example.prompt, ...example.completion]);
    const promptLength = examples[start].prompt.length;
    const length = Math.max(...batch.map((sequence) => sequence.length)) - 1;
    const ids = batch.map((sequence) => Array.from({ length }, (_, at) => sequence[at] ?? 0));
    const mask = batch.map((sequence) =>
      Array.from({ length }, (_, at) => (at < sequence.length - 1 ? 1 : 0)),
    );
    const positions = batch.map(() => Array.from({ length }, (_, at) => at));
    const targets = batch.flatMap((sequence) => Array.from({ length }, (_, at) => sequence[at + 1] ?? 0));
    const weight = batch.flatMap((sequence) =>
      Array.from({ length }, (_, at) => (at + 1 >= promptLength && at < sequence.length - 1 ? 1 : 0)),
    );
    const loss = optimizer.minimize(
      () => {
        const logits = model.forward({ ids, mask, positions });
        const picked = tf.sum(
          tf.mul(tf.logSoftmax(logits), tf.cast(tf.oneHot(tf.tensor1d(targets, 'int32'), 512), 'float32')),
          1,
        );
        const w = tf.tensor1d(weight);
        return tf.div(tf.neg(tf.sum(tf.mul(picked, w))), tf.sum(w)) as tf.Scalar;
      },
      true,
      model.variables,
    );
    loss?.dataSync();
    loss?.dispose();
  }
  const elapsed = performance.now() - started;
  optimizer.dispose();
  model.dispose();
  return elapsed;
}

async function trainerEpoch(
  onnx: Uint8Array,
  config: ModelConfig,
  training: TokenizedExample[],
  validation: TokenizedExample[],
): Promise<number> {
  const trainer = await DecoderTrainer.fromOnnx(onnx, config);
  const started = performance.now();
  await trainer.train(
    training,
    validation,
    { epochs: 1, batchSize: BATCH, learningRate: BASE_LEARNING_RATE, seed: 1 },
    { step: () => undefined, cancelled: () => false },
  );
  const elapsed = performance.now() - started;
  trainer.dispose();
  return elapsed;
}

interface ModelConfig {
  rmsNormEps: number;
  kvHeads: number;
  headDim: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const directory = path.join(loadConfig().models.directory, 'stories260K');
  const loaded = loadModelDirectory(directory);
  const onnx = new Uint8Array(fs.readFileSync(loaded.spec.onnxPath));
  const config = { rmsNormEps: 1e-5, kvHeads: loaded.spec.kvHeads ?? 1, headDim: loaded.spec.headDim ?? 1 };
  const example = tokenizeExample(
    loaded.tokenizer,
    { prompt: PROMPT, completion: ' banana' },
    loaded.spec.eosTokenIds[0],
  );
  const training = Array.from({ length: EXAMPLES }, () => example);
  const validation = training.slice(0, 20);
  await useTrainingBackend();
  await minimalEpoch(onnx, config, training.slice(0, 16));
  const times = { minimal: [] as number[], trainer: [] as number[], validated: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.minimal.push(await minimalEpoch(onnx, config, training));
    times.trainer.push(await trainerEpoch(onnx, config, training, []));
    times.validated.push(await trainerEpoch(onnx, config, training, validation));
  }
  const row = (name: string, values: number[]) => {
    const ms = median(values);
    return `| ${name.padEnd(58)} | ${(EXAMPLES / (ms / 1000)).toFixed(1).padStart(10)} | ${(ms / 1000).toFixed(2).padStart(9)} |`;
  };
  console.log(
    `\nFine-tuning stories260K on ${EXAMPLES} examples, batch ${BATCH}, backend ${tf.getBackend()}: median of ${ROUNDS} epochs each\n`,
  );
  console.log('| loop                                                       | examples/s | epoch (s) |');
  console.log('| ---------------------------------------------------------- | ---------- | --------- |');
  console.log(row('baseline: minimal TensorFlow.js loop, same model', times.minimal));
  console.log(row('DecoderTrainer (training file only)', times.trainer));
  console.log(row('DecoderTrainer + per-step validation batch (20 examples)', times.validated));
  console.log(
    `\nratio trainer / minimal (examples/s): ${(median(times.minimal) / median(times.trainer)).toFixed(2)}x; ` +
      `with per-step validation: ${(median(times.minimal) / median(times.validated)).toFixed(2)}x`,
  );
}

void main();
