import { SeededRandom } from './seeded-random';

export interface SamplingParams {
  /** 0 = greedy. */
  temperature: number;
  topP: number;
  presencePenalty: number;
  frequencyPenalty: number;
  logitBias: Array<[number, number]>;
  /** Alternatives to report per token (OpenAI's `logprobs`, 0–5), or null for none. */
  topLogprobs: number | null;
  /** The chosen token's log-probability is needed even without `logprobs` (to rank `best_of` candidates). */
  wantLogprob: boolean;
}

/** The most likely tokens at one position, most likely first, plus the chosen one if it is not among them. */
export interface TopCandidates {
  ids: number[];
  logprobs: number[];
}

export interface SampledToken {
  token: number;
  /** NaN when neither `logprobs` nor `best_of` asked for it. */
  logprob: number;
  top: TopCandidates | null;
}

/** Probabilities below this fraction of the most likely token's are never needed to close a top_p nucleus early. */
const NUCLEUS_PREFILTER = 1e-4;

/**
 * OpenAI's sampling for one sequence: logit_bias and presence/frequency penalties edit the logits, temperature 0
 * is greedy, otherwise temperature then top_p. Reported log-probabilities are those of the edited distribution
 * before temperature, so under greedy the top alternative is always the chosen token.
 */
export class TokenSampler {
  private readonly scratch: Float32Array;
  private readonly counts = new Map<number, number>();
  private readonly edits: boolean;
  private weightBuffer: Float64Array | null = null;
  /** Filled in by every call: sampling runs once per token of every running sequence, so it allocates nothing. */
  private readonly result: SampledToken = { token: 0, logprob: Number.NaN, top: null };

  constructor(
    private readonly params: SamplingParams,
    private readonly vocabSize: number,
    private readonly random: SeededRandom,
  ) {
    this.edits = params.logitBias.length > 0 || params.presencePenalty !== 0 || params.frequencyPenalty !== 0;
    this.scratch = new Float32Array(vocabSize);
  }

  /** The returned object is reused by the next call: read it (or copy what you keep) before sampling again. */
  sample(logits: Float32Array, offset: number): SampledToken {
    const { params, vocabSize } = this;
    let values = logits;
    let base = offset;
    if (this.edits) {
      values = this.scratch;
      base = 0;
      for (let i = 0; i < vocabSize; i++) {
        values[i] = logits[offset + i];
      }
      for (const [token, bias] of params.logitBias) {
        values[token] += bias;
      }
      for (const [token, count] of this.counts) {
        values[token] -= count * params.frequencyPenalty + params.presencePenalty;
      }
    }
    const token = params.temperature === 0 ? argmax(values, base, vocabSize) : this.draw(values, base);
    const needLogprob = params.wantLogprob || params.topLogprobs !== null;
    const logprob = needLogprob ? values[base + token] - logSumExp(values, base, vocabSize) : Number.NaN;
    const top =
      params.topLogprobs === null ? null : topCandidates(values, base, vocabSize, params.topLogprobs, token);
    if (params.presencePenalty !== 0 || params.frequencyPenalty !== 0) {
      this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    }
    const result = this.result;
    result.token = token;
    result.logprob = logprob;
    result.top = top;
    return result;
  }

  private draw(values: Float32Array, base: number): number {
    const { vocabSize } = this;
    const { temperature, topP } = this.params;
    const max = values[base + argmax(values, base, vocabSize)];
    const weights = this.weights(values, base, max, temperature);
    let total = 0;
    for (let i = 0; i < vocabSize; i++) {
      total += weights[i];
    }
    if (topP < 1) {
      return this.drawFromNucleus(weights, total, topP);
    }
    let remaining = this.random.next() * total;
    for (let i = 0; i < vocabSize; i++) {
      remaining -= weights[i];
      if (remaining < 0) {
        return i;
      }
    }
    return lastPositive(weights);
  }

  private drawFromNucleus(weights: Float64Array, total: number, topP: number): number {
    let maxWeight = 0;
    for (let i = 0; i < weights.length; i++) {
      maxWeight = Math.max(maxWeight, weights[i]);
    }
    let nucleus = sortedNucleus(weights, total, topP, maxWeight * NUCLEUS_PREFILTER);
    nucleus ??= sortedNucleus(weights, total, topP, 0)!;
    let mass = 0;
    for (const index of nucleus) {
      mass += weights[index];
    }
    let remaining = this.random.next() * mass;
    for (const index of nucleus) {
      remaining -= weights[index];
      if (remaining < 0) {
        return index;
      }
    }
    return nucleus[nucleus.length - 1];
  }

  private weights(values: Float32Array, base: number, max: number, temperature: number): Float64Array {
    this.weightBuffer ??= new Float64Array(this.vocabSize);
    const weights = this.weightBuffer;
    for (let i = 0; i < this.vocabSize; i++) {
      weights[i] = Math.exp((values[base + i] - max) / temperature);
    }
    return weights;
  }
}

/**
 * The smallest most-likely-first set whose mass reaches topP, considering only weights ≥ floor; null when the
 * considered weights cannot reach topP (the caller then retries with every token).
 */
function sortedNucleus(weights: Float64Array, total: number, topP: number, floor: number): number[] | null {
  const candidates: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] >= floor && weights[i] > 0) {
      candidates.push(i);
    }
  }
  candidates.sort((a, b) => weights[b] - weights[a] || a - b);
  const target = topP * total;
  let mass = 0;
  for (let k = 0; k < candidates.length; k++) {
    mass += weights[candidates[k]];
    if (mass >= target) {
      return candidates.slice(0, k + 1);
    }
  }
  return floor === 0 ? candidates : null;
}

export function argmax(values: Float32Array, base: number, count: number): number {
  let best = 0;
  let bestValue = values[base];
  for (let i = 1; i < count; i++) {
    const value = values[base + i];
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best;
}

export function logSumExp(values: Float32Array, base: number, count: number): number {
  const max = values[base + argmax(values, base, count)];
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += Math.exp(values[base + i] - max);
  }
  return max + Math.log(sum);
}

/** The k most likely tokens with their log-probabilities, plus `chosen` when it is not among them. */
export function topCandidates(
  values: Float32Array,
  base: number,
  count: number,
  k: number,
  chosen: number,
): TopCandidates {
  const ids: number[] = [];
  for (let i = 0; i < count && k > 0; i++) {
    const value = values[base + i];
    if (ids.length === k && value <= values[base + ids[k - 1]]) {
      continue;
    }
    let at = ids.length;
    while (at > 0 && values[base + ids[at - 1]] < value) {
      at--;
    }
    ids.splice(at, 0, i);
    if (ids.length > k) {
      ids.pop();
    }
  }
  if (chosen >= 0 && !ids.includes(chosen)) {
    ids.push(chosen);
  }
  const lse = logSumExp(values, base, count);
  return { ids, logprobs: ids.map((id) => values[base + id] - lse) };
}

function lastPositive(weights: Float64Array): number {
  for (let i = weights.length - 1; i >= 0; i--) {
    if (weights[i] > 0) {
      return i;
    }
  }
  return 0;
}
