/** @jest-environment ./test/support/onnx-environment.js */
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { REPOSITORY_ROOT } from '../../config/config';
import { DecoderBatch, DecoderModel, useTrainingBackend } from './decoder-model';
import { recognizeLlamaLayout } from './llama-layout';
import { readFloatInitializers, readGraphNodes, replaceFloatInitializers } from './onnx-initializers';

const ONNX = path.join(REPOSITORY_ROOT, 'models', 'stories260K', 'onnx', 'model.onnx');
const CONFIG = { rmsNormEps: 1e-5, kvHeads: 4, headDim: 8 };

/** Runs the ONNX graph with an empty past, as the engine's prefill does. */
async function onnxLogits(model: Uint8Array, batch: DecoderBatch): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  try {
    const size = batch.ids.length;
    const length = batch.ids[0].length;
    const int64 = (rows: number[][]) =>
      new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [size, length]);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: int64(batch.ids),
      attention_mask: int64(batch.mask),
      position_ids: int64(batch.positions),
    };
    for (let layer = 0; layer < 5; layer++) {
      for (const kind of ['key', 'value']) {
        feeds[`past_key_values.${layer}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [
          size,
          4,
          0,
          8,
        ]);
      }
    }
    const out = await session.run(feeds, ['logits']);
    return out.logits.data as Float32Array;
  } finally {
    await session.release();
  }
}

/** A left-padded batch of two, positions = cumsum(mask) - 1 as the engine feeds them. */
const BATCH: DecoderBatch = {
  ids: [
    [0, 0, 1, 403, 407, 261, 378],
    [1, 68, 300, 12, 99, 440, 7],
  ],
  mask: [
    [0, 0, 1, 1, 1, 1, 1],
    [1, 1, 1, 1, 1, 1, 1],
  ],
  positions: [
    [0, 0, 0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4, 5, 6],
  ],
};

function maxDiffOnRealTokens(a: Float32Array, b: Float32Array, mask: number[][], vocab: number): number {
  let worst = 0;
  mask.flat().forEach((real, row) => {
    if (real !== 1) {
      return;
    }
    for (let token = 0; token < vocab; token++) {
      worst = Math.max(worst, Math.abs(a[row * vocab + token] - b[row * vocab + token]));
    }
  });
  return worst;
}

describe('DecoderModel (stories260K rebuilt in TensorFlow.js)', () => {
  const bytes = new Uint8Array(fs.readFileSync(ONNX));
  const weights = readFloatInitializers(bytes);
  const layout = recognizeLlamaLayout(weights, readGraphNodes(bytes), CONFIG);

  beforeAll(useTrainingBackend);

  it('reads the layout off the graph', () => {
    expect(layout).toMatchObject({ dim: 64, layers: 5, vocab: 512, hidden: 172, qkvWidth: 128 });
  });

  it('computes the logits onnxruntime computes, padding included', async () => {
    const model = new DecoderModel(layout, weights);
    const ours = model.forward(BATCH);
    const theirs = await onnxLogits(bytes, BATCH);
    expect(maxDiffOnRealTokens(ours.dataSync() as Float32Array, theirs, BATCH.mask, 512)).toBeLessThan(1e-3);
    ours.dispose();
    model.dispose();
  });

  it('writes weights back byte-identical when nothing was trained', () => {
    const model = new DecoderModel(layout, weights);
    expect(
      Buffer.from(replaceFloatInitializers(bytes, model.exportWeights())).equals(Buffer.from(bytes)),
    ).toBe(true);
    model.dispose();
  });

  it('serves changed weights through the unchanged graph', async () => {
    const model = new DecoderModel(layout, weights);
    const trained = model.exportWeights();
    const emb = trained.get('emb') as Float32Array;
    emb.forEach((value, index) => (emb[index] = value * 1.5));
    const rewritten = replaceFloatInitializers(bytes, trained);
    const before = await onnxLogits(bytes, BATCH);
    const after = await onnxLogits(rewritten, BATCH);
    expect(maxDiffOnRealTokens(before, after, BATCH.mask, 512)).toBeGreaterThan(0.01);
    const changed = new DecoderModel(layout, readFloatInitializers(rewritten));
    const ours = changed.forward(BATCH);
    expect(maxDiffOnRealTokens(ours.dataSync() as Float32Array, after, BATCH.mask, 512)).toBeLessThan(1e-3);
    ours.dispose();
    changed.dispose();
    model.dispose();
  });
});
