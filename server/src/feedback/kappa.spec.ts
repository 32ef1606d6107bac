import { cohensKappa, JudgmentPair } from './kappa';

function pairs(counts: { yy: number; yn: number; ny: number; nn: number }): JudgmentPair[] {
  return [
    ...Array<JudgmentPair>(counts.yy).fill([true, true]),
    ...Array<JudgmentPair>(counts.yn).fill([true, false]),
    ...Array<JudgmentPair>(counts.ny).fill([false, true]),
    ...Array<JudgmentPair>(counts.nn).fill([false, false]),
  ];
}

describe('cohensKappa', () => {
  it('matches a hand-computed example', () => {
    // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    // observed = 35/50 = 0.7; pA = 25/50 = 0.5, pB = 30/50 = 0.6; chance = 0.5·0.6 + 0.5·0.4 = 0.5;
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const result = cohensKappa(pairs({ yy: 20, yn: 5, ny: 10, nn: 15 }));
    expect(result.items).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement and negative for systematic disagreement', () => {
    expect(cohensKappa(pairs({ yy: 3, yn: 0, ny: 0, nn: 2 })).kappa).toBeCloseTo(1, 12);
    // Always opposite, balanced: observed 0, chance 0.5, kappa -1.
    expect(cohensKappa(pairs({ yy: 0, yn: 2, ny: 2, nn: 0 })).kappa).toBeCloseTo(-1, 12);
  });

  it('is undefined with no items, or when both labelers always give the same single answer', () => {
    expect(cohensKappa([]).kappa).toBeNull();
    expect(cohensKappa(pairs({ yy: 4, yn: 0, ny: 0, nn: 0 })).kappa).toBeNull();
  });
});
