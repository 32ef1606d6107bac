import { SamplingParams, TokenSampler, topCandidates } from './sampler';
import { SeededRandom, sequenceSeed } from './seeded-random';

const VOCAB = 6;
// log-probabilities of a fixed next-token distribution: 0.5, 0.2, 0.15, 0.1, 0.05, 0 (almost)
const LOGITS = Float32Array.from([0.5, 0.2, 0.15, 0.1, 0.05, 1e-9].map(Math.log));

function params(overrides: Partial<SamplingParams> = {}): SamplingParams {
  return {
    temperature: 1,
    topP: 1,
    presencePenalty: 0,
    frequencyPenalty: 0,
    logitBias: [],
    topLogprobs: null,
    wantLogprob: false,
    ...overrides,
  };
}

function draws(sampling: SamplingParams, seed: number, count: number, logits = LOGITS): number[] {
  const sampler = new TokenSampler(sampling, VOCAB, new SeededRandom(seed));
  return Array.from({ length: count }, () => sampler.sample(logits, 0).token);
}

describe('TokenSampler', () => {
  it('is greedy at temperature 0', () => {
    expect(draws(params({ temperature: 0 }), 1, 20)).toEqual(new Array(20).fill(0));
  });

  it('gives the same tokens for the same seed and different ones for another', () => {
    const a = draws(params(), 42, 50);
    expect(draws(params(), 42, 50)).toEqual(a);
    expect(draws(params(), 43, 50)).not.toEqual(a);
  });

  it('derives stable, distinct per-candidate seeds from a request seed', () => {
    expect(sequenceSeed(7, 0)).toBe(sequenceSeed(7, 0));
    expect(sequenceSeed(7, 0)).not.toBe(sequenceSeed(7, 1));
    expect(sequenceSeed(-123456789012, 3)).toBe(sequenceSeed(-123456789012, 3));
  });

  it('samples in proportion to the probabilities at temperature 1', () => {
    const counts = new Array<number>(VOCAB).fill(0);
    draws(params(), 9, 20000).forEach((token) => counts[token]++);
    expect(counts[0] / 20000).toBeCloseTo(0.5, 1);
    expect(counts[3] / 20000).toBeCloseTo(0.1, 1);
    expect(counts[5]).toBe(0);
  });

  it('keeps only the nucleus under top_p', () => {
    // 0.5 + 0.2 reaches 0.7: only tokens 0 and 1 remain, in a 5:2 ratio.
    const tokens = draws(params({ topP: 0.7 }), 3, 5000);
    expect(new Set(tokens)).toEqual(new Set([0, 1]));
    expect(tokens.filter((token) => token === 1).length / 5000).toBeCloseTo(2 / 7, 1);
    expect(new Set(draws(params({ topP: 0 }), 3, 200))).toEqual(new Set([0]));
  });

  it('sharpens with a low temperature', () => {
    const tokens = draws(params({ temperature: 0.05 }), 5, 1000);
    expect(tokens.filter((token) => token === 0).length).toBeGreaterThan(990);
  });

  it('applies logit_bias before choosing, greedy included', () => {
    expect(draws(params({ temperature: 0, logitBias: [[4, 100]] }), 1, 5)).toEqual([4, 4, 4, 4, 4]);
    expect(draws(params({ logitBias: [[0, -100]] }), 1, 500)).not.toContain(0);
  });

  it('penalises tokens already generated (frequency grows with each use, presence once)', () => {
    // log 0.5 − log 0.2 ≈ 0.92: a frequency penalty of 0.5 moves greedy off token 0 after its second use;
    // a presence penalty of 1 moves it off at once, and back once token 1 is penalised too.
    expect(draws(params({ temperature: 0, frequencyPenalty: 0.5 }), 1, 3)).toEqual([0, 0, 1]);
    expect(draws(params({ temperature: 0, presencePenalty: 1 }), 1, 3)).toEqual([0, 1, 0]);
  });

  it('reports real log-probabilities and the top alternatives, the chosen token included', () => {
    const sampler = new TokenSampler(params({ temperature: 0, topLogprobs: 2 }), VOCAB, new SeededRandom(1));
    const sampled = sampler.sample(LOGITS, 0);
    expect(sampled.logprob).toBeCloseTo(Math.log(0.5), 5);
    expect(sampled.top!.ids).toEqual([0, 1]);
    expect(sampled.top!.logprobs[1]).toBeCloseTo(Math.log(0.2), 5);
    const withChosen = topCandidates(LOGITS, 0, VOCAB, 1, 3);
    expect(withChosen.ids).toEqual([0, 3]);
    expect(Math.exp(withChosen.logprobs[1])).toBeCloseTo(0.1, 5);
  });

  it('leaves logprob unset when nothing needs it', () => {
    expect(
      Number.isNaN(
        new TokenSampler(params({ temperature: 0 }), VOCAB, new SeededRandom(1)).sample(LOGITS, 0).logprob,
      ),
    ).toBe(true);
  });

  it('allocates no result per token: each call refills the same object with its own values', () => {
    const sampler = new TokenSampler(
      params({ temperature: 0, logitBias: [[0, -100]], topLogprobs: 1 }),
      VOCAB,
      new SeededRandom(1),
    );
    const first = sampler.sample(LOGITS, 0);
    expect(first.token).toBe(1);
    const batch = new Float32Array(VOCAB * 2);
    batch.set(
      LOGITS.map((value, i) => (i === 2 ? 10 : value)),
      VOCAB,
    );
    const second = sampler.sample(batch, VOCAB);
    expect(second).toBe(first);
    expect(second.token).toBe(2);
    expect(second.top!.ids).toEqual([2]);
  });

  it('reads a row at an offset of a batch of logits', () => {
    const batch = new Float32Array(VOCAB * 2);
    batch.set(
      LOGITS.map((value, i) => (i === 2 ? 10 : value)),
      VOCAB,
    );
    expect(
      new TokenSampler(params({ temperature: 0 }), VOCAB, new SeededRandom(1)).sample(batch, VOCAB).token,
    ).toBe(2);
  });
});
