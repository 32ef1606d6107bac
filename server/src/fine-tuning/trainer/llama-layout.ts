import { FloatInitializer, GraphNode } from './onnx-initializers';

/**
 * The weights of a Llama decoder as this repository's converter lays them out (tools/convert-stories260k):
 * per layer one fused `wqkv.i` of shape [2, dim, q+k+v] whose second half is the first with each (q, k) column
 * pair rotated — `(-w[2m+1], w[2m])` — and v columns zeroed, so rotary embedding is `xW0·cos + xW1·sin` with
 * factors from `rope_table` × `rope_expand`; grouped-query attention with the two query heads of a KV head
 * stacked on the row axis; RMSNorm; SwiGLU (`w13` = [gate | up]); the head is `Transpose(emb)` (tied).
 *
 * Only the first half of `wqkv` is a free parameter: training keeps the second half its rotation (`rotation`),
 * so the trained graph still computes rotary attention.
 */
export interface LlamaLayout {
  dim: number;
  layers: number;
  vocab: number;
  kvHeads: number;
  headDim: number;
  hidden: number;
  eps: number;
  qkvWidth: number;
  /** [qkvWidth, qkvWidth] signed permutation: wqkv[1] = wqkv[0] · rotation. */
  rotation: Float32Array;
}

export const TRAINABLE_PREFIXES = ['emb', 'nf', 'wqkv.', 'wo.', 'w13.', 'w2.', 'n1.', 'n2.'] as const;

/** A model the trainer cannot rebuild exactly; the job fails with this message rather than train something else. */
export class UnsupportedLayoutError extends Error {}

export function recognizeLlamaLayout(
  weights: Map<string, FloatInitializer>,
  nodes: GraphNode[],
  config: { rmsNormEps: number; kvHeads: number; headDim: number },
): LlamaLayout {
  const need = (name: string): FloatInitializer => {
    const found = weights.get(name);
    if (!found) {
      throw new UnsupportedLayoutError(
        `the graph has no initializer ${name} (not the converter's Llama layout)`,
      );
    }
    return found;
  };
  const emb = need('emb');
  const [vocab, dim] = emb.dims;
  need('nf');
  need('rope_table');
  need('rope_expand');
  let layers = 0;
  while (weights.has(`wqkv.${layers}`)) {
    layers++;
  }
  if (layers === 0) {
    throw new UnsupportedLayoutError('the graph has no wqkv.0 initializer');
  }
  const wqkv = need('wqkv.0');
  const qkvWidth = wqkv.dims[2];
  const hidden = need('w2.0').dims[0];
  for (let layer = 0; layer < layers; layer++) {
    for (const name of ['wo', 'w13', 'w2', 'n1', 'n2']) {
      need(`${name}.${layer}`);
    }
  }
  const tied = nodes.some((node) => node.opType === 'Transpose' && node.inputs[0] === 'emb');
  if (!tied) {
    throw new UnsupportedLayoutError('the classifier is not Transpose(emb): only the tied head is rebuilt');
  }
  if (qkvWidth !== dim + 2 * config.kvHeads * config.headDim) {
    throw new UnsupportedLayoutError(
      `wqkv is ${qkvWidth} wide, expected q + k + v = ${dim + 2 * config.kvHeads * config.headDim}`,
    );
  }
  const rotation = findRotation(wqkv, dim);
  for (let layer = 1; layer < layers; layer++) {
    const other = findRotation(need(`wqkv.${layer}`), dim);
    if (!other.every((value, index) => value === rotation[index])) {
      throw new UnsupportedLayoutError(`wqkv.${layer} rotates its columns unlike wqkv.0`);
    }
  }
  assertRotationWithinProjections(rotation, qkvWidth, dim, config.headDim);
  return {
    dim,
    layers,
    vocab,
    kvHeads: config.kvHeads,
    headDim: config.headDim,
    hidden,
    eps: config.rmsNormEps,
    qkvWidth,
    rotation,
  };
}

/** Reads the signed column permutation that maps wqkv[0] to wqkv[1] off the weights themselves. */
function findRotation(wqkv: FloatInitializer, dim: number): Float32Array {
  const [halves, rows, width] = wqkv.dims;
  if (halves !== 2 || rows !== dim) {
    throw new UnsupportedLayoutError(`wqkv has shape [${wqkv.dims.join(', ')}], expected [2, ${dim}, width]`);
  }
  const column = (half: number, col: number): number[] =>
    Array.from({ length: rows }, (_, row) => wqkv.data[half * rows * width + row * width + col]);
  const plain = Array.from({ length: width }, (_, col) => column(0, col));
  const rotation = new Float32Array(width * width);
  for (let col = 0; col < width; col++) {
    const target = column(1, col);
    if (target.every((value) => value === 0)) {
      continue;
    }
    let found = false;
    for (let source = 0; source < width && !found; source++) {
      for (const sign of [1, -1]) {
        if (plain[source].every((value, row) => value * sign === target[row])) {
          rotation[source * width + col] = sign;
          found = true;
          break;
        }
      }
    }
    if (!found) {
      throw new UnsupportedLayoutError(`wqkv[1] column ${col} is not a signed copy of a wqkv[0] column`);
    }
  }
  return rotation;
}

/**
 * The rebuilt model rotates q with q and k with k, and v not at all (how rotary embedding works); a graph whose
 * rotated half mixes them is not one it can reproduce.
 */
function assertRotationWithinProjections(
  rotation: Float32Array,
  width: number,
  dim: number,
  headDim: number,
): void {
  const kind = (column: number): 'q' | 'k' | 'v' =>
    column < dim ? 'q' : (column - dim) % (2 * headDim) < headDim ? 'k' : 'v';
  for (let from = 0; from < width; from++) {
    for (let to = 0; to < width; to++) {
      if (rotation[from * width + to] !== 0 && (kind(from) !== kind(to) || kind(to) === 'v')) {
        throw new UnsupportedLayoutError(
          `wqkv[1] column ${to} (${kind(to)}) copies wqkv[0] column ${from} (${kind(from)})`,
        );
      }
    }
  }
}
