import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { LlamaLayout } from './llama-layout';
import { FloatInitializer } from './onnx-initializers';

/** Additive mask value of the exported graph (`Where(allowed, 0, -1e4)`); matched so logits agree with onnxruntime. */
const MASKED = -1e4;

export interface DecoderBatch {
  /** [batch, length] token ids. */
  ids: number[][];
  /** [batch, length] 1 for a real token, 0 for padding. */
  mask: number[][];
  /** [batch, length] rotary positions. */
  positions: number[][];
}

interface LayerParams {
  wqkv: tf.Variable;
  wo: tf.Variable;
  w13: tf.Variable;
  w2: tf.Variable;
  n1: tf.Variable;
  n2: tf.Variable;
}

/**
 * Makes the CPU backend current; TensorFlow.js picks backends asynchronously. PROD drops its debug checks and the
 * console advert for the native backend (which downloads a binary at install, so is not an option here).
 */
export async function useCpuBackend(): Promise<void> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
}

/**
 * The decoder of the converter's Llama ONNX export rebuilt in TensorFlow.js, node for node (see LlamaLayout), with
 * the initializers as trainable variables. `forward` returns the logits the ONNX graph returns for the same
 * inputs with an empty past.
 */
export class DecoderModel {
  readonly variables: tf.Variable[];
  private readonly emb: tf.Variable;
  private readonly nf: tf.Variable;
  private readonly layers: LayerParams[];
  private readonly ropeTable: tf.Tensor2D;
  private readonly ropeCos: tf.Tensor2D;
  private readonly ropeSin: tf.Tensor2D;
  private readonly rotation: tf.Tensor2D;

  constructor(
    readonly layout: LlamaLayout,
    weights: Map<string, FloatInitializer>,
  ) {
    const variable = (name: string, shape?: number[], data?: Float32Array): tf.Variable => {
      const source = weights.get(name);
      if (!source) {
        throw new Error(`missing initializer ${name}`);
      }
      return tf.variable(tf.tensor(data ?? source.data, shape ?? source.dims, 'float32'), true);
    };
    const { dim, qkvWidth } = layout;
    this.emb = variable('emb');
    this.nf = variable('nf');
    this.layers = Array.from({ length: layout.layers }, (_, layer) => ({
      // Only the un-rotated half is free; the rotated half is derived from it (LlamaLayout).
      wqkv: variable(
        `wqkv.${layer}`,
        [dim, qkvWidth],
        weights.get(`wqkv.${layer}`)?.data.slice(0, dim * qkvWidth),
      ),
      wo: variable(`wo.${layer}`),
      w13: variable(`w13.${layer}`),
      w2: variable(`w2.${layer}`),
      n1: variable(`n1.${layer}`),
      n2: variable(`n2.${layer}`),
    }));
    this.variables = [this.emb, this.nf, ...this.layers.flatMap((layer) => Object.values(layer))];
    const table = weights.get('rope_table') as FloatInitializer;
    const expand = weights.get('rope_expand') as FloatInitializer;
    const factors = table.dims[table.dims.length - 1];
    this.ropeTable = tf.tensor2d(table.data, [table.dims[0], factors]);
    this.ropeCos = tf.tensor2d(expand.data.slice(0, factors * qkvWidth), [factors, qkvWidth]);
    this.ropeSin = tf.tensor2d(expand.data.slice(factors * qkvWidth), [factors, qkvWidth]);
    this.rotation = tf.tensor2d(layout.rotation, [qkvWidth, qkvWidth]);
  }

  /** Logits [batch * length, vocab]. */
  forward(batch: DecoderBatch): tf.Tensor2D {
    const { dim, kvHeads, headDim, hidden, vocab } = this.layout;
    const size = batch.ids.length;
    const length = batch.ids[0].length;
    const rows = size * length;
    const queryGroup = dim / kvHeads;
    const ids = tf.tensor1d(batch.ids.flat(), 'int32');
    const rope = tf.gather(this.ropeTable, tf.tensor1d(batch.positions.flat(), 'int32'));
    const cos = tf.matMul(rope, this.ropeCos);
    const sin = tf.matMul(rope, this.ropeSin);
    const mask = this.attentionMask(batch.mask);
    let x: tf.Tensor2D = tf.gather(this.emb, ids);
    for (const layer of this.layers) {
      const normed = this.rmsNorm(x, layer.n1);
      const rotated = tf.matMul(layer.wqkv, this.rotation);
      const qkv = tf.add(tf.mul(tf.matMul(normed, layer.wqkv), cos), tf.mul(tf.matMul(normed, rotated), sin));
      // [rows, 2 * kvHeads, group] -> [batch, 2 * kvHeads, length, group]: q groups first, then (k | v) groups.
      const heads = tf.transpose(tf.reshape(qkv, [size, length, 2 * kvHeads, queryGroup]), [0, 2, 1, 3]);
      const [queries, keyValues] = tf.split(heads, 2, 1);
      const q = tf.reshape(queries, [size, kvHeads, (length * queryGroup) / headDim, headDim]);
      const [k, v] = tf.split(keyValues, [headDim, queryGroup - headDim], 3);
      const scores = tf.add(tf.matMul(q, k, false, true), mask);
      const attended = tf.matMul(tf.softmax(scores), v);
      const merged = tf.reshape(
        tf.transpose(tf.reshape(attended, [size, kvHeads, length, queryGroup]), [0, 2, 1, 3]),
        [rows, dim],
      );
      x = tf.add(x, tf.matMul(merged, layer.wo));
      const gateUp = tf.matMul(this.rmsNorm(x, layer.n2), layer.w13);
      const [gate, up] = tf.split(gateUp, [hidden, hidden], 1);
      x = tf.add(x, tf.matMul(tf.mul(tf.mul(tf.sigmoid(gate), gate), up), layer.w2));
    }
    const logits = tf.matMul(this.rmsNorm(x, this.nf), this.emb, false, true);
    return tf.reshape(logits, [rows, vocab]);
  }

  /** The ONNX initializers as trained, wqkv re-fused with its rotated half. */
  exportWeights(): Map<string, Float32Array> {
    return tf.tidy(() => {
      const out = new Map<string, Float32Array>();
      this.layers.forEach((layer, index) => {
        const fused = tf.concat([layer.wqkv, tf.matMul(layer.wqkv, this.rotation)], 0);
        out.set(`wqkv.${index}`, Float32Array.from(fused.dataSync()));
        out.set(`wo.${index}`, Float32Array.from(layer.wo.dataSync()));
        out.set(`w13.${index}`, Float32Array.from(layer.w13.dataSync()));
        out.set(`w2.${index}`, Float32Array.from(layer.w2.dataSync()));
        out.set(`n1.${index}`, Float32Array.from(layer.n1.dataSync()));
        out.set(`n2.${index}`, Float32Array.from(layer.n2.dataSync()));
      });
      out.set('emb', Float32Array.from(this.emb.dataSync()));
      out.set('nf', Float32Array.from(this.nf.dataSync()));
      return out;
    });
  }

  dispose(): void {
    this.variables.forEach((variable) => variable.dispose());
    [this.ropeTable, this.ropeCos, this.ropeSin, this.rotation].forEach((tensor) => tensor.dispose());
  }

  private rmsNorm(x: tf.Tensor2D, weight: tf.Variable): tf.Tensor2D {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, this.layout.eps))), weight);
  }

  /**
   * [batch, 1, queryGroup/headDim * length, length]: the graph stacks each KV head's query heads on the row axis
   * (row r is position floor(r / heads per KV head)); a key is visible when causal and not padding.
   */
  private attentionMask(mask: number[][]): tf.Tensor4D {
    const { dim, kvHeads, headDim } = this.layout;
    const perKv = dim / kvHeads / headDim;
    const size = mask.length;
    const length = mask[0].length;
    const rows = perKv * length;
    const values = new Float32Array(size * rows * length);
    for (let b = 0; b < size; b++) {
      for (let row = 0; row < rows; row++) {
        const position = Math.floor(row / perKv);
        for (let key = 0; key < length; key++) {
          const visible = key <= position && mask[b][key] === 1;
          values[(b * rows + row) * length + key] = visible ? 0 : MASKED;
        }
      }
    }
    return tf.tensor4d(values, [size, 1, rows, length]);
  }
}
