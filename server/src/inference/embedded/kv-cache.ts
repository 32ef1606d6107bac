/** Keys/values of one layer-kind for a range of positions, as a graph returns them: [batch, heads, seqStride, headDim]. */
export interface KvBlock {
  data: Float32Array;
  seqStride: number;
  /** Where the positions of interest start along the sequence axis (after the past, for a `present` output). */
  seqOffset: number;
}

export interface KvCacheShape {
  /** Layers × {key, value}: one buffer each. */
  entries: number;
  heads: number;
  headDim: number;
  maxRows: number;
  /** Capacity is rounded up to a multiple of this (1 = exact, for graphs that infer positions from the past length). */
  granularity: number;
}

/**
 * The running batch's keys and values: one buffer per layer-kind laid out [row, head, slot, dim] with a capacity
 * shared by all rows. Row r holds its own tokens in slots [0, length[r]); the slots after are masked out, so rows
 * of any length share a step without left padding and keep their own positions. The capacity grows and shrinks
 * in steps of `granularity`, which keeps the attention over a step close to the longest row. With a granularity
 * that is a multiple of the SIMD width, a row's valid slots and its new token (appended by the graph at index
 * `capacity`) fall on the same vector lanes whatever the capacity, and masked slots add exact zeros, so a greedy
 * row decodes the same tokens alone or in any batch.
 */
export class KvCache {
  readonly lengths: Int32Array;
  private buffers: Float32Array[];
  private rowCount = 0;
  private rowCapacity = 0;
  private slots = 0;

  constructor(readonly shape: KvCacheShape) {
    this.lengths = new Int32Array(shape.maxRows);
    this.buffers = Array.from({ length: shape.entries }, () => new Float32Array(0));
  }

  get rows(): number {
    return this.rowCount;
  }

  get capacity(): number {
    return this.slots;
  }

  get longest(): number {
    let longest = 0;
    for (let row = 0; row < this.rowCount; row++) {
      longest = Math.max(longest, this.lengths[row]);
    }
    return longest;
  }

  /** The past for the next step: entry's first rows × heads × capacity × headDim values. */
  past(entry: number): Float32Array {
    return this.buffers[entry].subarray(
      0,
      this.rowCount * this.shape.heads * this.slots * this.shape.headDim,
    );
  }

  /** Makes room for `needed` slots per row; returns true when the layout (and so every past tensor) changed. */
  reserve(needed: number): boolean {
    if (needed <= this.slots) {
      return false;
    }
    this.relayout(this.bucket(needed), this.rowCapacity);
    return true;
  }

  /** Gives back capacity the longest remaining row no longer needs. */
  shrink(): boolean {
    const wanted = this.bucket(this.longest);
    if (wanted >= this.slots) {
      return false;
    }
    this.relayout(wanted, this.rowCapacity);
    return true;
  }

  /** Appends a row holding `length` positions copied from `blocks` (batch row `sourceRow` of each). */
  appendRow(blocks: KvBlock[], sourceRow: number, length: number): number {
    if (this.rowCount >= this.shape.maxRows) {
      throw new Error('the KV cache is full');
    }
    if (this.rowCount === this.rowCapacity) {
      // Rows are allocated as they are needed, so a large model with a small batch does not reserve maxRows.
      this.relayout(
        Math.max(this.slots, this.bucket(length)),
        Math.min(this.shape.maxRows, Math.max(2, this.rowCapacity * 2)),
      );
    }
    this.reserve(length);
    const row = this.rowCount++;
    this.lengths[row] = 0;
    this.write(row, blocks, sourceRow, length);
    return row;
  }

  /** Removes a row by moving the last row into its place; returns the index the moved row had (or -1). */
  removeRow(row: number): number {
    const last = this.rowCount - 1;
    if (row !== last) {
      const rowSize = this.shape.heads * this.slots * this.shape.headDim;
      for (const buffer of this.buffers) {
        buffer.copyWithin(row * rowSize, last * rowSize, (last + 1) * rowSize);
      }
      this.lengths[row] = this.lengths[last];
    }
    this.rowCount = last;
    return row === last ? -1 : last;
  }

  /** Appends `count` new positions per row from a step's outputs (batch row b → cache row b) to every row. */
  appendStep(blocks: KvBlock[], count: number): void {
    this.reserve(this.longest + count);
    for (let row = 0; row < this.rowCount; row++) {
      this.write(row, blocks, row, count);
    }
  }

  private write(row: number, blocks: KvBlock[], sourceRow: number, count: number): void {
    const { heads, headDim } = this.shape;
    const at = this.lengths[row];
    const width = count * headDim;
    for (let entry = 0; entry < blocks.length; entry++) {
      const { data, seqStride, seqOffset } = blocks[entry];
      const target = this.buffers[entry];
      for (let head = 0; head < heads; head++) {
        const from = ((sourceRow * heads + head) * seqStride + seqOffset) * headDim;
        const to = ((row * heads + head) * this.slots + at) * headDim;
        if (width <= 32) {
          // A decode step moves a handful of floats per head: a loop beats creating a subarray view.
          for (let i = 0; i < width; i++) {
            target[to + i] = data[from + i];
          }
        } else {
          target.set(data.subarray(from, from + width), to);
        }
      }
    }
    this.lengths[row] = at + count;
  }

  private bucket(needed: number): number {
    const step = this.shape.granularity;
    return Math.ceil(needed / step) * step;
  }

  private relayout(slots: number, rowCapacity: number): void {
    const { heads, headDim } = this.shape;
    const old = this.slots;
    this.buffers = this.buffers.map((buffer) => {
      const next = new Float32Array(rowCapacity * heads * slots * headDim);
      for (let row = 0; row < this.rowCount; row++) {
        const keep = Math.min(this.lengths[row], slots) * headDim;
        for (let head = 0; head < heads; head++) {
          const from = (row * heads + head) * old * headDim;
          next.set(buffer.subarray(from, from + keep), (row * heads + head) * slots * headDim);
        }
      }
      return next;
    });
    this.slots = slots;
    this.rowCapacity = rowCapacity;
  }
}
