/** The vocabulary every moderation check, policy and response shares. */

/** OpenAI's moderation taxonomy, in the order its API lists it. */
export const OPENAI_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

export type OpenAiCategory = (typeof OPENAI_CATEGORIES)[number];

/** Categories Warden adds from its rule checks. */
export const WARDEN_CATEGORIES = [
  'profanity',
  'blocklist',
  'pii/email',
  'pii/phone',
  'pii/payment-card',
  'pii/national-id',
  'pii/ip-address',
  'pii/secret',
  'prompt-injection',
  'guard-unavailable',
] as const;

export type WardenCategory = (typeof WARDEN_CATEGORIES)[number];
export type ModerationCategory = OpenAiCategory | WardenCategory;
export const ALL_CATEGORIES: readonly ModerationCategory[] = [...OPENAI_CATEGORIES, ...WARDEN_CATEGORIES];

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

/** What one check says about one text. Scores are in [0, 1]; rule checks score 1 when they match. */
export interface Verdict {
  check: string;
  category: ModerationCategory;
  score: number;
  spans?: Span[];
  /** Guard-model hazard codes behind this verdict (e.g. `S1`), as the guard named them. */
  hazards?: string[];
  /** Set on the `guard-unavailable` verdict of a guard check that failed or timed out. */
  failure?: CheckFailure;
}
