import { KvBlock } from './kv-cache';

/** A prompt run through the model alone: its logits at every position and its keys/values, ready to join a batch. */
export interface PrefillResult {
  /** [length, vocab] */
  logits: Float32Array;
  length: number;
  blocks: KvBlock[];
}

/**
 * A model holding one running batch: rows join from a prefill and leave between steps; each step feeds one token
 * per row and returns the next-token logits of every row. The ONNX implementation runs the real graph; specs use
 * a scripted one.
 */
export interface BatchDecoder {
  readonly vocabSize: number;
  readonly maxRows: number;
  readonly rows: number;
  /** Tokens already in the row's cache (its next position). */
  rowLength(row: number): number;
  prefill(ids: number[]): Promise<PrefillResult>;
  addRow(prefill: PrefillResult): number;
  /** Moves the last row into `row`; returns the index the moved row had, or -1 when `row` was last. */
  removeRow(row: number): number;
  /** [rows, vocab] logits after feeding `tokens[row]` to every row. */
  step(tokens: Int32Array): Promise<Float32Array>;
  /** Drops every row (after a failed step, whose cache state is unknown). */
  reset(): void;
}
