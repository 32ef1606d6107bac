import { CurvePoint, NoThresholdReason } from '../contracts';

/** One labeled item as calibration sees it: the score a check gave it and the labelers' truth. */
export interface LabeledScore {
  score: number;
  positive: boolean;
}

export interface ThresholdChoice {
  curve: CurvePoint[];
  chosen: CurvePoint | null;
  reason: NoThresholdReason | null;
  positives: number;
}

/**
 * The precision/recall curve of a check on labeled items and the threshold to propose. Candidates are the distinct
 * scores (a threshold between two scores flags the same items as the higher one). The chosen threshold is the one
 * whose precision meets the target with the highest recall; among equal recall the highest threshold wins (same
 * catches, never more false positives). None is chosen when no item is positive or no candidate meets the target.
 */
export function chooseThreshold(items: LabeledScore[], precisionTarget: number): ThresholdChoice {
  const positives = items.filter((item) => item.positive).length;
  const thresholds = [...new Set(items.map((item) => item.score))].sort((a, b) => b - a);
  const curve = thresholds.map((threshold): CurvePoint => {
    let truePositives = 0;
    let falsePositives = 0;
    for (const item of items) {
      if (item.score < threshold) continue;
      if (item.positive) truePositives++;
      else falsePositives++;
    }
    return {
      threshold,
      precision: truePositives / (truePositives + falsePositives),
      recall: positives === 0 ? 0 : truePositives / positives,
      truePositives,
      falsePositives,
    };
  });
  if (positives === 0) return { curve, chosen: null, reason: NoThresholdReason.NoPositives, positives };
  let chosen: CurvePoint | null = null;
  // Descending thresholds: a later point replaces the chosen one only with strictly more recall.
  for (const point of curve) {
    if (point.precision >= precisionTarget && (chosen === null || point.recall > chosen.recall))
      chosen = point;
  }
  return {
    curve,
    chosen,
    reason: chosen ? null : NoThresholdReason.TargetUnreachable,
    positives,
  };
}

/**
 * The truth of one item in one category from several labels: the majority of the labels that judged it; a tie goes
 * to the earliest label. `judgments` are in the order the labels were given.
 */
export function majorityTruth(judgments: boolean[]): boolean | null {
  if (judgments.length === 0) return null;
  const yes = judgments.filter(Boolean).length;
  const no = judgments.length - yes;
  if (yes === no) return judgments[0];
  return yes > no;
}
