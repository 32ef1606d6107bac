import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { BatchDecoder, PrefillResult } from './batch-decoder';
import {
  DecoderGraphInfo,
  GraphValue,
  inspectDecoderGraph,
  KvPair,
  ONNX_FLOAT,
  ONNX_INT32,
  ONNX_INT64,
  rewriteForInPlaceCache,
} from './decoder-graph';
import { KvBlock, KvCache } from './kv-cache';
import { ModelSpec } from './model-spec';

export type CacheMode = 'in-place' | 'concat';

export interface DecoderOptions {
  maxRows: number;
  /** Capacity steps of the batch's cache (see KvCache). */
  granularity: number;
  /** false runs the graph as exported even when it could be rewritten (to compare the two). */
  inPlace?: boolean;
  /** Laid over the engine's session options (benches turn on onnxruntime's profiler with it). */
  session?: ort.InferenceSession.SessionOptions;
}

type IndexArray = BigInt64Array | Int32Array;

/**
 * A decoder-with-past ONNX graph (Hugging Face / Optimum layout) driving one running batch. When the graph computes
 * `present = Concat(past, new)` it is rewritten to return only the new entries ("in-place" mode): the engine then owns
 * one fixed-capacity cache per layer-kind, feeds it as the past without copying and writes each step's entries into it.
 * Other graphs (merged decoders with `If` branches, external weights) run unchanged and the new entries are read
 * from the tail of `present` ("concat" mode).
 */
export class OnnxBatchDecoder implements BatchDecoder {
  readonly vocabSize: number;
  readonly maxRows: number;
  private readonly cache: KvCache;
  private readonly emptyPast: Record<string, ort.Tensor> = {};
  private feeds: Record<string, ort.Tensor> | null = null;
  private inputIds: IndexArray;
  private positions: IndexArray;
  private mask: IndexArray = new BigInt64Array(0);

  private constructor(
    private readonly session: ort.InferenceSession,
    readonly mode: CacheMode,
    private readonly graph: DecoderGraphShape,
    options: DecoderOptions,
  ) {
    this.vocabSize = graph.vocabSize;
    this.maxRows = graph.positionIds ? options.maxRows : 1;
    this.cache = new KvCache({
      entries: graph.kv.length,
      heads: graph.heads,
      headDim: graph.headDim,
      maxRows: this.maxRows,
      // Without position_ids the graph derives positions from the past length, so the past must have no gaps.
      granularity: graph.positionIds ? options.granularity : 1,
    });
    for (const pair of graph.kv) {
      this.emptyPast[pair.past] = new ort.Tensor('float32', new Float32Array(0), [
        1,
        graph.heads,
        0,
        graph.headDim,
      ]);
    }
    this.inputIds = graph.indexArray(this.maxRows);
    this.positions = graph.indexArray(this.maxRows);
  }

  static async load(spec: ModelSpec, options: DecoderOptions): Promise<OnnxBatchDecoder> {
    const bytes = await readFile(spec.onnxPath);
    const info = inspectDecoderGraph(bytes);
    const rewritten = options.inPlace === false ? null : rewriteForInPlaceCache(bytes, info);
    const graph = describeGraph(spec, info, rewritten?.newKv ?? null);
    const session = await ort.InferenceSession.create(rewritten ? rewritten.model : bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      ...options.session,
    });
    return new OnnxBatchDecoder(session, rewritten ? 'in-place' : 'concat', graph, options);
  }

  get rows(): number {
    return this.cache.rows;
  }

  rowLength(row: number): number {
    return this.cache.lengths[row];
  }

  async prefill(ids: number[]): Promise<PrefillResult> {
    const length = ids.length;
    const feeds: Record<string, ort.Tensor> = {
      ...this.emptyPast,
      input_ids: this.graph.indexTensor(ids, [1, length]),
      attention_mask: this.graph.indexTensor(new Array<number>(length).fill(1), [1, length]),
    };
    if (this.graph.positionIds) {
      feeds.position_ids = this.graph.indexTensor(
        ids.map((_, position) => position),
        [1, length],
      );
    }
    if (this.graph.useCacheBranch) {
      feeds.use_cache_branch = new ort.Tensor('bool', [false], [1]);
    }
    const outputs = await this.session.run(feeds);
    return {
      logits: outputs.logits.data as Float32Array,
      length,
      blocks: this.graph.kv.map((pair) => ({
        data: outputs[pair.output].data as Float32Array,
        seqStride: length,
        seqOffset: 0,
      })),
    };
  }

  addRow(prefill: PrefillResult): number {
    this.feeds = null;
    return this.cache.appendRow(prefill.blocks, 0, prefill.length);
  }

  removeRow(row: number): number {
    this.feeds = null;
    const moved = this.cache.removeRow(row);
    this.cache.shrink();
    return moved;
  }

  reset(): void {
    this.feeds = null;
    while (this.cache.rows > 0) {
      this.cache.removeRow(this.cache.rows - 1);
    }
  }

  async step(tokens: Int32Array): Promise<Float32Array> {
    const rows = this.cache.rows;
    if (this.cache.reserve(this.cache.longest)) {
      this.feeds = null;
    }
    const feeds = this.feeds ?? this.buildFeeds();
    const capacity = this.cache.capacity;
    for (let row = 0; row < rows; row++) {
      setIndex(this.inputIds, row, tokens[row]);
      setIndex(this.positions, row, this.cache.lengths[row]);
    }
    const outputs = await this.session.run(feeds);
    const blocks: KvBlock[] = this.graph.kv.map((pair) => ({
      data: outputs[pair.output].data as Float32Array,
      seqStride: this.mode === 'in-place' ? 1 : capacity + 1,
      seqOffset: this.mode === 'in-place' ? 0 : capacity,
    }));
    const before = this.cache.capacity;
    this.cache.appendStep(blocks, 1);
    if (this.cache.capacity !== before) {
      this.feeds = null;
    } else {
      // The slot each row just filled becomes visible to the next step.
      const width = capacity + 1;
      for (let row = 0; row < rows; row++) {
        setIndex(this.mask, row * width + this.cache.lengths[row] - 1, 1);
      }
    }
    return outputs.logits.data as Float32Array;
  }

  async release(): Promise<void> {
    await this.session.release();
  }

  /** Tensors over the cache buffers and the index arrays, rebuilt only when rows join or leave or capacity changes. */
  private buildFeeds(): Record<string, ort.Tensor> {
    const rows = this.cache.rows;
    const capacity = this.cache.capacity;
    const { heads, headDim } = this.graph;
    const width = capacity + 1;
    this.mask = this.graph.indexArray(rows * width);
    for (let row = 0; row < rows; row++) {
      fillIndex(this.mask, row * width, row * width + this.cache.lengths[row], 1);
      setIndex(this.mask, row * width + capacity, 1);
    }
    const feeds: Record<string, ort.Tensor> = {
      input_ids: this.graph.tensorOver(this.inputIds.subarray(0, rows), [rows, 1]),
      attention_mask: this.graph.tensorOver(this.mask, [rows, width]),
    };
    if (this.graph.positionIds) {
      feeds.position_ids = this.graph.tensorOver(this.positions.subarray(0, rows), [rows, 1]);
    }
    if (this.graph.useCacheBranch) {
      feeds.use_cache_branch = new ort.Tensor('bool', [true], [1]);
    }
    this.graph.kv.forEach((pair, entry) => {
      feeds[pair.past] = new ort.Tensor('float32', this.cache.past(entry), [rows, heads, capacity, headDim]);
    });
    this.feeds = feeds;
    return feeds;
  }
}

interface DecoderKv extends KvPair {
  /** The graph output carrying this layer-kind's entries: the new ones (in-place) or the whole present (concat). */
  output: string;
}

class DecoderGraphShape {
  constructor(
    readonly kv: DecoderKv[],
    readonly heads: number,
    readonly headDim: number,
    readonly vocabSize: number,
    readonly positionIds: boolean,
    readonly useCacheBranch: boolean,
    private readonly int64: boolean,
  ) {}

  indexArray(length: number): IndexArray {
    return this.int64 ? new BigInt64Array(length) : new Int32Array(length);
  }

  indexTensor(values: number[], dims: number[]): ort.Tensor {
    const array = this.indexArray(values.length);
    values.forEach((value, i) => setIndex(array, i, value));
    return this.tensorOver(array, dims);
  }

  tensorOver(array: IndexArray, dims: number[]): ort.Tensor {
    return array instanceof BigInt64Array
      ? new ort.Tensor('int64', array, dims)
      : new ort.Tensor('int32', array, dims);
  }
}

function describeGraph(
  spec: ModelSpec,
  info: DecoderGraphInfo,
  newKv: Map<string, string> | null,
): DecoderGraphShape {
  const fail = (problem: string) => new Error(`${spec.onnxPath}: ${problem}`);
  const inputs = new Map(info.inputs.map((value) => [value.name, value]));
  const logits = info.outputs.find((value) => value.name === 'logits');
  for (const name of ['input_ids', 'attention_mask']) {
    if (!inputs.has(name)) {
      throw fail(`the graph has no ${name} input (inputs: ${[...inputs.keys()].join(', ')})`);
    }
  }
  if (!logits) {
    throw fail('the graph has no logits output');
  }
  if (info.unpaired.length > 0) {
    throw fail(`the graph has inputs ${info.unpaired.join(', ')} without matching present outputs`);
  }
  if (info.kv.length === 0) {
    throw fail(
      'the graph takes no past_key_values; export it as a decoder with past (task text-generation-with-past)',
    );
  }
  const known = new Set([
    'input_ids',
    'attention_mask',
    'position_ids',
    'use_cache_branch',
    ...info.kv.map((pair) => pair.past),
  ]);
  const unknown = [...inputs.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw fail(`the graph has inputs the engine does not know how to feed: ${unknown.join(', ')}`);
  }
  const past = inputs.get(info.kv[0].past)!;
  if (
    info.kv.some((pair) => inputs.get(pair.past)!.elemType !== ONNX_FLOAT) ||
    logits.elemType !== ONNX_FLOAT
  ) {
    throw fail('only float32 decoders are supported (past_key_values and logits must be float32)');
  }
  const idType = inputs.get('input_ids')!.elemType;
  if (idType !== ONNX_INT64 && idType !== ONNX_INT32) {
    throw fail('input_ids must be int64 or int32');
  }
  const heads = numericDim(past, 1) ?? spec.kvHeads;
  const headDim = numericDim(past, 3) ?? spec.headDim;
  const vocabSize = numericDim(logits, 2) ?? spec.vocabSize;
  if (!heads || !headDim) {
    throw fail('cannot tell the number of key/value heads and the head size from the graph or config.json');
  }
  const kv = info.kv.map((pair) => ({ ...pair, output: newKv?.get(pair.present) ?? pair.present }));
  return new DecoderGraphShape(
    kv,
    heads,
    headDim,
    vocabSize,
    inputs.has('position_ids'),
    inputs.has('use_cache_branch'),
    idType === ONNX_INT64,
  );
}

function numericDim(value: GraphValue, axis: number): number | null {
  const dim = value.dims[axis];
  return typeof dim === 'number' && dim > 0 ? dim : null;
}

function setIndex(array: IndexArray, index: number, value: number): void {
  if (array instanceof BigInt64Array) {
    array[index] = BigInt(value);
  } else {
    array[index] = value;
  }
}

function fillIndex(array: IndexArray, start: number, end: number, value: number): void {
  if (array instanceof BigInt64Array) {
    array.fill(BigInt(value), start, end);
  } else {
    array.fill(value, start, end);
  }
}
