import { Estimate } from './bias.types';

/** Pure statistics for bias reports: seeded, so the same inputs always give the same intervals. */

export const BOOTSTRAP_RESAMPLES = 1000;
export const CONFIDENCE_LEVEL = 0.95;
const DECIMALS = 6;

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for deriving seeds from names. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seed for one purpose within a run, in the positive 31-bit range every provider accepts. */
export function deriveSeed(runSeed: number, key: string): number {
  return hash32(`${runSeed}:${key}`) & 0x7fffffff;
}

/** mulberry32: tiny, fast and good enough for resampling indices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function round(value: number, decimals = DECIMALS): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Linear interpolation between closest ranks (numpy's default), on a sorted copy. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

function percentileInterval(statistics: number[]): [number, number] {
  statistics.sort((x, y) => x - y);
  const alpha = (1 - CONFIDENCE_LEVEL) / 2;
  return [quantile(statistics, alpha), quantile(statistics, 1 - alpha)];
}

function resampleMean(values: readonly number[], random: () => number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[Math.floor(random() * values.length)];
  }
  return sum / values.length;
}

function estimate(value: number, low: number, high: number): Estimate {
  return { mean: round(value), ciLow: round(low), ciHigh: round(high) };
}

/**
 * The mean with a 95 % percentile-bootstrap interval. Percentile bootstrap rather than a normal approximation
 * because the metrics are bounded and often skewed (refusal rates near 0, toxicity near 0) at a few dozen samples.
 */
export function bootstrapMean(
  values: readonly number[],
  seed: number,
  resamples = BOOTSTRAP_RESAMPLES,
): Estimate {
  if (values.length === 0) {
    return { mean: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  }
  const random = seededRandom(seed);
  const statistics = Array.from({ length: resamples }, () => resampleMean(values, random));
  const [low, high] = percentileInterval(statistics);
  return estimate(mean(values), low, high);
}

/** mean(a) − mean(b) for independent samples, each resampled on its own. */
export function bootstrapDifference(
  a: readonly number[],
  b: readonly number[],
  seed: number,
  resamples = BOOTSTRAP_RESAMPLES,
): Estimate {
  if (a.length === 0 || b.length === 0) {
    return { mean: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  }
  const random = seededRandom(seed);
  const statistics = Array.from(
    { length: resamples },
    () => resampleMean(a, random) - resampleMean(b, random),
  );
  const [low, high] = percentileInterval(statistics);
  return estimate(mean(a) - mean(b), low, high);
}

export function intervalsOverlap(a: Estimate, b: Estimate): boolean {
  return a.ciLow <= b.ciHigh && b.ciLow <= a.ciHigh;
}
