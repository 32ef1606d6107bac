/** The vocabulary every moderation check, policy and response shares. */

// The vocabulary file of the contracts, not their index: the classifier's worker thread loads this module, and the
// index would load every contract schema (and zod) into it.
import type { ModerationCategory } from '../../../contracts/src/moderation-vocabulary';
import {
  MODERATION_CATEGORIES,
  OPENAI_CATEGORIES,
  WARDEN_CATEGORIES,
} from '../../../contracts/src/moderation-vocabulary';

/** The category lists are the contract's: the console filters and labels by the same ones. */
export { OPENAI_CATEGORIES, WARDEN_CATEGORIES };
export type {
  ModerationCategory,
  OpenAiCategory,
  WardenCategory,
} from '../../../contracts/src/moderation-vocabulary';

export const ALL_CATEGORIES: readonly ModerationCategory[] = MODERATION_CATEGORIES;

export function isModerationCategory(value: string): value is ModerationCategory {
  return (ALL_CATEGORIES as readonly string[]).includes(value);
}

export enum Direction {
  Input = 'input',
  Output = 'output',
}

/** Ordered from least to most severe: the most severe action any verdict triggers wins. */
export enum ModerationAction {
  Allow = 'allow',
  Observe = 'observe',
  Flag = 'flag',
  Redact = 'redact',
  Hold = 'hold',
  Block = 'block',
}

/**
 * Even odds, a classifier score of 0.5: from it the live default refuses the severe categories whose calibrated
 * thresholds sit at the default model's floor (policies/policy.defaults.ts), and a label scores at least this when one
 * of the classifier's documented rules read the harm (classifier-scorer.ts), so that such a harm is still refused.
 */
export const EVEN_ODDS = 0.5;

/**
 * The step classifier scores are reported and judged in (six decimals): a score is compared with its threshold as
 * reported, so a score held under a threshold must be at least this far under it to stay there.
 */
export const SCORE_STEP = 1e-6;

/** A classifier score as reported and judged: to the nearest SCORE_STEP. */
export function reportedScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

export const ACTION_SEVERITY: Record<ModerationAction, number> = {
  [ModerationAction.Allow]: 0,
  [ModerationAction.Observe]: 1,
  [ModerationAction.Flag]: 2,
  [ModerationAction.Redact]: 3,
  [ModerationAction.Hold]: 4,
  [ModerationAction.Block]: 5,
};

export interface Span {
  start: number;
  end: number;
}

/** A remote check that could not answer: whether the policy let the text pass (open) or stopped it (closed). */
export interface CheckFailure {
  mode: 'open' | 'closed';
  reason: string;
}

/**
 * What one check says about one text. Scores are in [0, 1]; rule checks score 1 when they match. Only checks that
 * locate what they found (lexicons, PII) give spans; classifier verdicts judge the whole text and have none, so
 * `redact` on a classifier category withholds the whole text (a block naming that category).
 */
export interface Verdict {
  check: string;
  category: ModerationCategory;
  score: number;
  spans?: Span[];
  /** Why the check failed, on a `check-failure` verdict. */
  error?: string;
  /** Guard-model hazard codes behind this verdict (e.g. `S1`), as the guard named them. */
  hazards?: string[];
  /** Set on the `guard-unavailable` verdict of a guard check that failed or timed out. */
  failure?: CheckFailure;
}

export interface CategoryRule {
  /** Score at or above which the action applies; null means the classifier's calibrated threshold. */
  threshold: number | null;
  action: ModerationAction;
}

export interface CategoryPolicy {
  input: CategoryRule;
  output: CategoryRule;
}

export interface Blocklist {
  words: string[];
  phrases: string[];
  /** Regular expressions (source only, matched case-insensitively), each with a bounded match length. */
  patterns: string[];
}

/** Whether a guard check runs in each direction, and what happens to the text when the guard cannot answer. */
export interface GuardUse {
  input: boolean;
  output: boolean;
  /** true: an unanswered check scores `guard-unavailable` 1 (its rule decides, block by default); false: pass. */
  failClosed: { input: boolean; output: boolean };
}

/**
 * The operator-configured guard checks a policy uses. Several checks scoring one category combine by `combine`:
 * `max` (default) triggers the category when any check reaches its threshold; `min` only when every check that
 * scored it does (fewer false positives, less recall).
 */
export interface GuardPolicy {
  llmGuard: GuardUse;
  upstreamModeration: GuardUse;
  combine: 'max' | 'min';
}

/** The part of a serving policy moderation reads: what each category triggers, the blocklist and the guards. */
export interface ModerationPolicy {
  categories: Record<ModerationCategory, CategoryPolicy>;
  blocklist: Blocklist;
  classifierThresholdScale: number;
  /**
   * Per direction, how many logits over its threshold a sentence read on its own must score (the classifier's
   * sentence readings); null keeps the model's own margin (its config's `sentence_margin`).
   */
  classifierSentenceMargin: SentenceMarginOverride;
  guards: GuardPolicy;
}

export interface SentenceMarginOverride {
  input: number | null;
  output: number | null;
}
