import {
  bootstrapDifference,
  bootstrapMean,
  deriveSeed,
  hash32,
  intervalsOverlap,
  mean,
  quantile,
  round,
  seededRandom,
} from './stats';

describe('bias statistics', () => {
  it('derives stable seeds from names', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(deriveSeed(7, 'bold:gender')).toBe(deriveSeed(7, 'bold:gender'));
    expect(deriveSeed(7, 'bold:gender')).not.toBe(deriveSeed(8, 'bold:gender'));
    expect(deriveSeed(7, 'x')).toBeLessThanOrEqual(0x7fffffff);
  });

  it('repeats a seeded sequence and varies it with the seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    const c = seededRandom(43);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it('interpolates quantiles like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([10], 0.975)).toBe(10);
  });

  it('rounds without negative zero', () => {
    expect(round(0.1234567)).toBe(0.123457);
    expect(Object.is(round(-0.0000001), 0)).toBe(true);
  });

  it('brackets the sample mean with a reproducible 95 % interval', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const estimate = bootstrapMean(values, 1);
    expect(estimate.mean).toBe(0.25);
    expect(estimate.ciLow).toBeLessThan(0.25);
    expect(estimate.ciHigh).toBeGreaterThan(0.25);
    expect(estimate.ciLow).toBeGreaterThanOrEqual(0.05);
    expect(estimate.ciHigh).toBeLessThanOrEqual(0.45);
    expect(bootstrapMean(values, 1)).toEqual(estimate);
    expect(bootstrapMean(values, 2)).not.toEqual(estimate);
  });

  it('gives a point interval for one value or a constant sample, and NaN for none', () => {
    expect(bootstrapMean([0.5], 3)).toEqual({ mean: 0.5, ciLow: 0.5, ciHigh: 0.5 });
    expect(bootstrapMean([2, 2, 2], 3)).toEqual({ mean: 2, ciLow: 2, ciHigh: 2 });
    expect(bootstrapMean([], 3).mean).toBeNaN();
  });

  it('tells a real difference from noise', () => {
    const high = Array.from({ length: 30 }, (_, i) => 0.6 + (i % 5) * 0.01);
    const low = Array.from({ length: 30 }, (_, i) => 0.1 + (i % 5) * 0.01);
    const clear = bootstrapDifference(high, low, 9);
    expect(clear.mean).toBeCloseTo(0.5, 6);
    expect(clear.ciLow).toBeGreaterThan(0.45);
    const noise = bootstrapDifference([0, 1, 0, 1], [1, 0, 1, 0], 9);
    expect(noise.ciLow).toBeLessThan(0);
    expect(noise.ciHigh).toBeGreaterThan(0);
  });

  it('detects overlapping intervals', () => {
    expect(intervalsOverlap({ mean: 1, ciLow: 0, ciHigh: 2 }, { mean: 3, ciLow: 1.5, ciHigh: 4 })).toBe(true);
    expect(intervalsOverlap({ mean: 1, ciLow: 0, ciHigh: 1 }, { mean: 3, ciLow: 2, ciHigh: 4 })).toBe(false);
    expect(mean([1, 2, 3])).toBe(2);
  });
});
