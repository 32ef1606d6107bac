// The union package: tfjs-core alone ships its gradients as ES modules only, its CommonJS bundle has none.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { LlamaLayout } from './llama-layout';
import { FloatInitializer } from './onnx-initializers';

/** Additive mask value of the exported graph (`Where(allowed, 0, -1e4)`); matched so logits agree with onnxruntime. */
const MASKED = -1e4;
const TRAINING_BACKEND = 'wasm';

export interface DecoderBatch {
  /** [batch, length] token ids. */
  ids: number[][];
  /** [batch, length] 1 for a real token, 0 for padding. */
  mask: number[][];
  /** [batch, length] rotary positions. */
  positions: number[][];
}

interface LayerParams {
  wq: tf.Variable;
  wk: tf.Variable;
  wv: tf.Variable;
  wo: tf.Variable;
  w1: tf.Variable;
  w3: tf.Variable;
  w2: tf.Variable;
  n1: tf.Variable;
  n2: tf.Variable;
}

/** Which columns of the fused [q | (k v) per KV head] projection are q, k and v (see LlamaLayout). */
interface ProjectionColumns {
  q: number[];
  k: number[];
  v: number[];
}

/**
 * Makes the WebAssembly backend current (its .wasm files ship inside the npm package; single-threaded, so a
 * training job takes one core): about four times the pure-JS CPU backend on this model, with the same results.
 * PROD drops TensorFlow.js's debug checks and its console advert for the native backend (which downloads a binary
 * at install, so is not an option here).
 */
export async function useTrainingBackend(): Promise<void> {
  tf.env().set('PROD', true);
  if (tf.getBackend() !== TRAINING_BACKEND) {
    await tf.setBackend(TRAINING_BACKEND);
  }
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
  private readonly columns: ProjectionColumns;
  private readonly ropeTable: tf.Tensor2D;
  /** Rotary factor tables per projection: rope row [factors] -> per-column multiplier of the plain/rotated part. */
  private readonly rope: { q: tf.Tensor2D[]; k: tf.Tensor2D[]; v: tf.Tensor2D };
  private readonly rotateQ: tf.Tensor2D;
  private readonly rotateK: tf.Tensor2D;

  constructor(
    readonly layout: LlamaLayout,
    weights: Map<string, FloatInitializer>,
  ) {
    const { dim, qkvWidth, kvHeads, headDim, hidden } = layout;
    const tensorOf = (name: string): FloatInitializer => {
      const source = weights.get(name);
      if (!source) {
        throw new Error(`missing initializer ${name}`);
      }
      return source;
    };
    const variable = (data: Float32Array, shape: number[]): tf.Variable =>
      tf.variable(tf.tensor(data, shape, 'float32'), true);
    const whole = (name: string): tf.Variable => variable(tensorOf(name).data, tensorOf(name).dims);
    const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);
    this.columns = {
      q: range(0, dim),
      k: range(0, kvHeads).flatMap((head) => range(dim + head * 2 * headDim, headDim)),
      v: range(0, kvHeads).flatMap((head) => range(dim + head * 2 * headDim + headDim, headDim)),
    };
    // Slicing on a minor axis is slow in TensorFlow.js, so projections are separate variables, re-fused on export.
    this.emb = whole('emb');
    this.nf = whole('nf');
    this.layers = Array.from({ length: layout.layers }, (_, layer) => {
      // Only the un-rotated half of wqkv is free; the rotated half is derived from it (LlamaLayout).
      const plain = tensorOf(`wqkv.${layer}`).data.subarray(0, dim * qkvWidth);
      const w13 = tensorOf(`w13.${layer}`).data;
      return {
        wq: variable(pickColumns(plain, qkvWidth, this.columns.q), [dim, this.columns.q.length]),
        wk: variable(pickColumns(plain, qkvWidth, this.columns.k), [dim, this.columns.k.length]),
        wv: variable(pickColumns(plain, qkvWidth, this.columns.v), [dim, this.columns.v.length]),
        wo: whole(`wo.${layer}`),
        w1: variable(pickColumns(w13, 2 * hidden, range(0, hidden)), [dim, hidden]),
        w3: variable(pickColumns(w13, 2 * hidden, range(hidden, hidden)), [dim, hidden]),
        w2: whole(`w2.${layer}`),
        n1: whole(`n1.${layer}`),
        n2: whole(`n2.${layer}`),
      };
    });
    this.variables = [this.emb, this.nf, ...this.layers.flatMap((layer) => Object.values(layer))];
    const table = tensorOf('rope_table');
    const expand = tensorOf('rope_expand');
    const factors = table.dims[table.dims.length - 1];
    this.ropeTable = tf.tensor2d(table.data, [table.dims[0], factors]);
    const factorTable = (half: number, columns: number[]) =>
      tf.tensor2d(
        pickColumns(
          expand.data.subarray(half * factors * qkvWidth, (half + 1) * factors * qkvWidth),
          qkvWidth,
          columns,
        ),
        [factors, columns.length],
      );
    this.rope = {
      q: [factorTable(0, this.columns.q), factorTable(1, this.columns.q)],
      k: [factorTable(0, this.columns.k), factorTable(1, this.columns.k)],
      v: factorTable(0, this.columns.v),
    };
    const block = (columns: number[]) =>
      tf.tensor2d(
        Float32Array.from(
          columns.flatMap((from) => columns.map((to) => layout.rotation[from * qkvWidth + to])),
        ),
        [columns.length, columns.length],
      );
    this.rotateQ = block(this.columns.q);
    this.rotateK = block(this.columns.k);
  }

  /** Logits [batch * length, vocab]. */
  forward(batch: DecoderBatch): tf.Tensor2D {
    const { dim, kvHeads, headDim, vocab } = this.layout;
    const size = batch.ids.length;
    const length = batch.ids[0].length;
    const rows = size * length;
    const perKv = dim / kvHeads / headDim;
    // A one-hot product instead of a gather: its gradient is a matmul, the gather's a slow segment sum. (Cast:
    // the WebAssembly oneHot kernel ignores a float dtype and returns zeros.)
    const tokens = tf.cast(tf.oneHot(tf.tensor1d(batch.ids.flat(), 'int32'), vocab), 'float32');
    const rope = tf.gather(this.ropeTable, tf.tensor1d(batch.positions.flat(), 'int32'));
    const factors = {
      q: this.rope.q.map((table) => tf.matMul(rope, table)),
      k: this.rope.k.map((table) => tf.matMul(rope, table)),
      v: tf.matMul(rope, this.rope.v),
    };
    const mask = this.attentionMask(batch.mask);
    let x: tf.Tensor = tf.matMul(tokens, this.emb);
    for (const layer of this.layers) {
      const normed = this.rmsNorm(x, layer.n1);
      const rotary = (weight: tf.Variable, rotation: tf.Tensor2D, [cos, sin]: tf.Tensor[]) => {
        const projected = tf.matMul(normed, weight);
        return tf.add(tf.mul(projected, cos), tf.mul(tf.matMul(projected, rotation), sin));
      };
      const q = rotary(layer.wq, this.rotateQ, factors.q);
      const k = rotary(layer.wk, this.rotateK, factors.k);
      const v = tf.mul(tf.matMul(normed, layer.wv), factors.v);
      // [batch, kvHeads, perKv * length, headDim]: a KV head's query heads stacked on the row axis, as the graph does.
      const queries = tf.reshape(
        tf.transpose(tf.reshape(q, [size, length, kvHeads, perKv * headDim]), [0, 2, 1, 3]),
        [size, kvHeads, perKv * length, headDim],
      );
      const heads = (t: tf.Tensor) =>
        tf.transpose(tf.reshape(t, [size, length, kvHeads, headDim]), [0, 2, 1, 3]);
      const scores = tf.add(tf.matMul(queries, heads(k), false, true), mask);
      const attended = tf.matMul(tf.softmax(scores), heads(v));
      const merged = tf.reshape(
        tf.transpose(tf.reshape(attended, [size, kvHeads, length, perKv * headDim]), [0, 2, 1, 3]),
        [rows, dim],
      );
      x = tf.add(x, tf.matMul(merged, layer.wo));
      const ffnIn = this.rmsNorm(x, layer.n2);
      const gate = tf.matMul(ffnIn, layer.w1);
      const up = tf.matMul(ffnIn, layer.w3);
      x = tf.add(x, tf.matMul(tf.mul(tf.mul(tf.sigmoid(gate), gate), up), layer.w2));
    }
    return tf.matMul(this.rmsNorm(x, this.nf), this.emb, false, true) as tf.Tensor2D;
  }

  /** The ONNX initializers as trained: wqkv re-fused (with its rotated half), w13 re-joined. */
  exportWeights(): Map<string, Float32Array> {
    const { dim, qkvWidth, hidden } = this.layout;
    const read = (variable: tf.Variable) => Float32Array.from(variable.dataSync());
    const out = new Map<string, Float32Array>();
    this.layers.forEach((layer, index) => {
      const fused = new Float32Array(2 * dim * qkvWidth);
      placeColumns(fused, qkvWidth, read(layer.wq), this.columns.q);
      placeColumns(fused, qkvWidth, read(layer.wk), this.columns.k);
      placeColumns(fused, qkvWidth, read(layer.wv), this.columns.v);
      // The rotated half: plain · rotation, a signed permutation, so each value is copied exactly (or zero).
      const rotation = this.layout.rotation;
      for (let from = 0; from < qkvWidth; from++) {
        for (let to = 0; to < qkvWidth; to++) {
          const sign = rotation[from * qkvWidth + to];
          if (sign !== 0) {
            for (let row = 0; row < dim; row++) {
              fused[(dim + row) * qkvWidth + to] = sign * fused[row * qkvWidth + from];
            }
          }
        }
      }
      const w13 = new Float32Array(dim * 2 * hidden);
      placeColumns(
        w13,
        2 * hidden,
        read(layer.w1),
        Array.from({ length: hidden }, (_, at) => at),
      );
      placeColumns(
        w13,
        2 * hidden,
        read(layer.w3),
        Array.from({ length: hidden }, (_, at) => hidden + at),
      );
      out.set(`wqkv.${index}`, fused);
      out.set(`wo.${index}`, read(layer.wo));
      out.set(`w13.${index}`, w13);
      out.set(`w2.${index}`, read(layer.w2));
      out.set(`n1.${index}`, read(layer.n1));
      out.set(`n2.${index}`, read(layer.n2));
    });
    out.set('emb', read(this.emb));
    out.set('nf', read(this.nf));
    return out;
  }

  dispose(): void {
    this.variables.forEach((variable) => variable.dispose());
    [this.ropeTable, ...this.rope.q, ...this.rope.k, this.rope.v, this.rotateQ, this.rotateK].forEach(
      (tensor) => tensor.dispose(),
    );
  }

  private rmsNorm(x: tf.Tensor, weight: tf.Variable): tf.Tensor {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, this.layout.eps))), weight);
  }

  /**
   * [batch, kvHeads, perKv * length, length] (one copy per head, so the add does not broadcast): the graph stacks each KV head's query heads on the row axis
   * (row r is position floor(r / heads per KV head)); a key is visible when causal and not padding.
   */
  private attentionMask(mask: number[][]): tf.Tensor4D {
    const { dim, kvHeads, headDim } = this.layout;
    const perKv = dim / kvHeads / headDim;
    const size = mask.length;
    const length = mask[0].length;
    const rows = perKv * length;
    const values = new Float32Array(size * kvHeads * rows * length);
    for (let b = 0; b < size; b++) {
      for (let head = 0; head < kvHeads; head++) {
        for (let row = 0; row < rows; row++) {
          const position = Math.floor(row / perKv);
          for (let key = 0; key < length; key++) {
            const visible = key <= position && mask[b][key] === 1;
            values[((b * kvHeads + head) * rows + row) * length + key] = visible ? 0 : MASKED;
          }
        }
      }
    }
    return tf.tensor4d(values, [size, kvHeads, rows, length]);
  }
}

/** The given columns of a row-major matrix `width` wide, as a row-major matrix. */
function pickColumns(data: Float32Array, width: number, columns: number[]): Float32Array {
  const rows = data.length / width;
  const out = new Float32Array(rows * columns.length);
  for (let row = 0; row < rows; row++) {
    columns.forEach((column, at) => (out[row * columns.length + at] = data[row * width + column]));
  }
  return out;
}

/** Writes a row-major matrix into the given columns of the first rows of `target` (`width` wide). */
function placeColumns(target: Float32Array, width: number, values: Float32Array, columns: number[]): void {
  const rows = values.length / columns.length;
  for (let row = 0; row < rows; row++) {
    columns.forEach((column, at) => (target[row * width + column] = values[row * columns.length + at]));
  }
}
