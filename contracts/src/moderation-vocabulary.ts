/**
 * The moderation vocabulary: categories, actions and directions. No zod here, so the classifier's worker thread
 * (which needs only these names) loads without the contract schemas.
 */

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
  /** Far from the use case the application was approved for (its topic model); scored on input only. */
  'off-topic',
  /** A check that threw: reported under this category, naming the check, and acted on as the policy says. */
  'check-failure',
  /** A remote guard check that could not answer in time; fail-open or fail-closed as the policy says. */
  'guard-unavailable',
  /**
   * Share of a text the classifier could not read (words of scripts or languages it has no pieces for, left out of
   * what it scores; 1 for a text in another language, which it reads as pieces it was never trained on): such text passes its categories unjudged unless a policy acts on this one or a guard reads it.
   */
  'unreadable',
] as const;
export type WardenCategory = (typeof WARDEN_CATEGORIES)[number];
export type ModerationCategory = OpenAiCategory | WardenCategory;
export const MODERATION_CATEGORIES: readonly ModerationCategory[] = [
  ...OPENAI_CATEGORIES,
  ...WARDEN_CATEGORIES,
];

/** From least to most severe (the server's `ModerationAction` enum spells the same values). */
export const MODERATION_ACTIONS = ['allow', 'observe', 'flag', 'redact', 'hold', 'block'] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

export const DIRECTIONS = ['input', 'output'] as const;
export type DirectionName = (typeof DIRECTIONS)[number];
