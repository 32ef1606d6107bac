/** @jest-environment ./test/support/onnx-environment.js */
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { REPOSITORY_ROOT } from '../../config/config';
import { loadModelDirectory } from '../../inference/embedded/model-loader';
import { tokenizeExample } from './examples';
import { DecoderTrainer, StepMetrics } from './trainer';

const STORIES = path.join(REPOSITORY_ROOT, 'models', 'stories260K');
const CONFIG = { rmsNormEps: 1e-5, kvHeads: 4, headDim: 8 };
const PROMPT = 'Q: What is the magic word?\nA:';

/** Greedy continuation through onnxruntime, the way the engine would run the exported graph. */
async function greedy(model: Uint8Array, prompt: number[], tokens: number): Promise<number[]> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  const ids = [...prompt];
  try {
    for (let step = 0; step < tokens; step++) {
      const length = ids.length;
      const int64 = (values: number[]) =>
        new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, length]);
      const feeds: Record<string, ort.Tensor> = {
        input_ids: int64(ids),
        attention_mask: int64(ids.map(() => 1)),
        position_ids: int64(ids.map((_, index) => index)),
      };
      for (let layer = 0; layer < 5; layer++) {
        for (const kind of ['key', 'value']) {
          feeds[`past_key_values.${layer}.${kind}`] = new ort.Tensor(
            'float32',
            new Float32Array(0),
            [1, 4, 0, 8],
          );
        }
      }
      const logits = (await session.run(feeds, ['logits'])).logits.data as Float32Array;
      const last = logits.subarray((length - 1) * 512, length * 512);
      ids.push(last.indexOf(Math.max(...last)));
    }
  } finally {
    await session.release();
  }
  return ids.slice(prompt.length);
}

describe('DecoderTrainer on stories260K', () => {
  const loaded = loadModelDirectory(STORIES);
  const onnx = new Uint8Array(fs.readFileSync(loaded.spec.onnxPath));
  const eos = loaded.spec.eosTokenIds[0];
  const example = tokenizeExample(loaded.tokenizer, { prompt: PROMPT, completion: ' banana' }, eos);
  const training = Array.from({ length: 200 }, () => example);
  const validation = Array.from({ length: 20 }, () => example);

  it('teaches a fixed answer: loss drops, the exported graph answers it greedily', async () => {
    const trainer = await DecoderTrainer.fromOnnx(onnx, CONFIG);
    const steps: StepMetrics[] = [];
    let baseline = Number.NaN;
    const outcome = await trainer.train(
      training,
      validation,
      { epochs: 3, batchSize: 8, learningRate: 2e-3, seed: 42 },
      {
        baseline: (metrics) => void (baseline = metrics.fullValidLoss),
        step: (metrics) => void steps.push(metrics),
        cancelled: () => false,
      },
    );
    expect(outcome).toMatchObject({ cancelled: false, steps: 75 });
    const final = trainer.evaluate(validation, 8).loss;
    expect(final).toBeLessThan(baseline * 0.5);
    const tuned = trainer.exportOnnx();
    const base = loaded.tokenizer.decode(await greedy(onnx, example.prompt, 6));
    const answer = loaded.tokenizer.decode(await greedy(tuned, example.prompt, 6));
    expect(base).not.toContain('banana');
    expect(answer).toContain('banana');
    trainer.dispose();
  }, 600_000);

  it('stops between steps once cancelled', async () => {
    const trainer = await DecoderTrainer.fromOnnx(onnx, CONFIG);
    let steps = 0;
    const outcome = await trainer.train(
      training,
      [],
      { epochs: 1, batchSize: 8, learningRate: 1e-3, seed: 1 },
      { step: () => void steps++, cancelled: () => steps >= 2 },
    );
    expect(outcome).toMatchObject({ cancelled: true, steps: 2 });
    trainer.dispose();
  });

  it('gives the same weights for the same seed and other weights for another', async () => {
    const varied = ['Once upon a time', 'The cat', 'Lily said', 'A big dog', 'The sun', 'Tom ran'].map(
      (prompt, index) =>
        tokenizeExample(
          loaded.tokenizer,
          { prompt, completion: ` ${['red', 'blue', 'sad', 'happy'][index % 4]}` },
          eos,
        ),
    );
    const run = async (seed: number) => {
      const trainer = await DecoderTrainer.fromOnnx(onnx, CONFIG);
      await trainer.train(
        varied,
        [],
        { epochs: 2, batchSize: 2, learningRate: 1e-3, seed },
        { step: () => undefined, cancelled: () => false },
      );
      const bytes = Buffer.from(trainer.exportOnnx());
      trainer.dispose();
      return bytes;
    };
    const first = await run(7);
    expect(first.equals(await run(7))).toBe(true);
    expect(first.equals(await run(8))).toBe(false);
  }, 120_000);
});
