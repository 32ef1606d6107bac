/** Two labelers' judgments of one item in one category: true means "the text belongs in it". */
export type JudgmentPair = readonly [boolean, boolean];

export interface Agreement {
  items: number;
  /** Share of items on which the two labelers agree. */
  observed: number;
  /** Cohen's kappa: (observed - chance) / (1 - chance); null when undefined (no items, or chance agreement 1). */
  kappa: number | null;
}

/**
 * Cohen's kappa for two raters and two classes. Chance agreement is what two raters with these marginal rates
 * would reach independently: pA·pB + (1-pA)(1-pB).
 */
export function cohensKappa(pairs: readonly JudgmentPair[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { items: 0, observed: 0, kappa: null };
  let agree = 0;
  let firstTrue = 0;
  let secondTrue = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree += 1;
    if (a) firstTrue += 1;
    if (b) secondTrue += 1;
  }
  const observed = agree / n;
  const pA = firstTrue / n;
  const pB = secondTrue / n;
  const chance = pA * pB + (1 - pA) * (1 - pB);
  return { items: n, observed, kappa: chance === 1 ? null : (observed - chance) / (1 - chance) };
}
