export interface RankedCandidate {
  /** Mean log-probability of the candidate's tokens; OpenAI's "highest log probability per token". */
  meanLogprob: number;
}

/** The n best of a prompt's best_of candidates, best first; ties keep generation order. */
export function selectBestOf<T extends RankedCandidate>(candidates: readonly T[], n: number): T[] {
  return candidates
    .map((candidate, order) => ({
      candidate,
      order,
      score: Number.isNaN(candidate.meanLogprob) ? -Infinity : candidate.meanLogprob,
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, n)
    .map((entry) => entry.candidate);
}
