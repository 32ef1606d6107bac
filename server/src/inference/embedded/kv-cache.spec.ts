import { KvBlock, KvCache } from './kv-cache';

const HEADS = 2;
const DIM = 3;

/** A block of `length` positions for one row whose values encode (tag, head, position, dim). */
function block(tag: number, length: number): KvBlock {
  const data = new Float32Array(HEADS * length * DIM);
  for (let head = 0; head < HEADS; head++) {
    for (let position = 0; position < length; position++) {
      for (let dim = 0; dim < DIM; dim++) {
        data[(head * length + position) * DIM + dim] = tag * 1000 + head * 100 + position * 10 + dim;
      }
    }
  }
  return { data, seqStride: length, seqOffset: 0 };
}

/** Row `row`'s values for one head, position by position, read back from the past tensor. */
function rowValues(cache: KvCache, row: number, head: number): number[] {
  const past = cache.past(0);
  const values: number[] = [];
  for (let position = 0; position < cache.lengths[row]; position++) {
    values.push(past[((row * HEADS + head) * cache.capacity + position) * DIM]);
  }
  return values;
}

describe('KvCache', () => {
  const shape = { entries: 1, heads: HEADS, headDim: DIM, maxRows: 4, granularity: 4 };

  it('keeps each row in its own slots, capacity rounded up to the granularity', () => {
    const cache = new KvCache(shape);
    cache.appendRow([block(1, 3)], 0, 3);
    cache.appendRow([block(2, 6)], 0, 6);
    expect(cache.rows).toBe(2);
    expect(cache.capacity).toBe(8);
    expect(cache.past(0)).toHaveLength(2 * HEADS * 8 * DIM);
    expect(rowValues(cache, 0, 1)).toEqual([1100, 1110, 1120]);
    expect(rowValues(cache, 1, 0)).toEqual([2000, 2010, 2020, 2030, 2040, 2050]);
  });

  it('appends a step to every row and grows without losing anything', () => {
    const cache = new KvCache(shape);
    cache.appendRow([block(1, 4)], 0, 4);
    cache.appendRow([block(2, 2)], 0, 2);
    // a step's output for 2 rows, 1 position each
    const step = new Float32Array(2 * HEADS * DIM).map((_, i) => 9000 + i);
    cache.appendStep([{ data: step, seqStride: 1, seqOffset: 0 }], 1);
    expect(cache.capacity).toBe(8);
    expect(cache.lengths.slice(0, 2)).toEqual(Int32Array.from([5, 3]));
    expect(rowValues(cache, 0, 0)).toEqual([1000, 1010, 1020, 1030, 9000]);
    expect(rowValues(cache, 1, 1)).toEqual([2100, 2110, 9009]);
  });

  it('reads new positions from the tail of a present tensor', () => {
    const cache = new KvCache({ ...shape, granularity: 1 });
    cache.appendRow([block(1, 2)], 0, 2);
    // present for one row: the 2 past positions then the new one
    const present = block(5, 3);
    cache.appendStep([{ ...present, seqOffset: 2 }], 1);
    expect(rowValues(cache, 0, 1)).toEqual([1100, 1110, 5120]);
    expect(cache.capacity).toBe(3);
  });

  it('moves the last row into a removed one and shrinks to the longest remaining row', () => {
    const cache = new KvCache(shape);
    cache.appendRow([block(1, 9)], 0, 9);
    cache.appendRow([block(2, 2)], 0, 2);
    cache.appendRow([block(3, 3)], 0, 3);
    expect(cache.removeRow(0)).toBe(2);
    expect(cache.shrink()).toBe(true);
    expect(cache.capacity).toBe(4);
    expect(rowValues(cache, 0, 0)).toEqual([3000, 3010, 3020]);
    expect(rowValues(cache, 1, 1)).toEqual([2100, 2110]);
    expect(cache.removeRow(1)).toBe(-1);
    expect(cache.rows).toBe(1);
  });

  it('refuses more rows than it was sized for', () => {
    const cache = new KvCache({ ...shape, maxRows: 1 });
    cache.appendRow([block(1, 1)], 0, 1);
    expect(() => cache.appendRow([block(2, 1)], 0, 1)).toThrow(/full/);
  });
});
