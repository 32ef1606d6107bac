import { ModerationAction, ModerationCategory } from '../moderation.types';

export interface CategoryRule {
  /** Score at or above which the action applies; null means the classifier's calibrated threshold. */
  threshold: number | null;
  action: ModerationAction;
}

export interface CategoryPolicy {
  input: CategoryRule;
  output: CategoryRule;
}

export interface LengthLimits {
  maxPromptTokens: number;
  maxTokens: number;
  maxTotalTokens: number;
}

export interface RateLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  endUserRequestsPerMinute: number;
  endUserTokensPerMinute: number;
}

/** When an end user's strike points throttle, then block, that end user alone. */
export interface StrikePolicy {
  throttleAt: number;
  blockAt: number;
  throttledRequestsPerMinute: number;
}

export interface Blocklist {
  words: string[];
  phrases: string[];
  /** JavaScript regular expressions (source only, matched case-insensitively). */
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
 * The operator-configured guard checks this policy uses. Several checks scoring one category combine by `combine`:
 * `max` (default) triggers the category when any check reaches its threshold; `min` only when every check that
 * scored it does (fewer false positives, less recall).
 */
export interface GuardPolicy {
  llmGuard: GuardUse;
  upstreamModeration: GuardUse;
  combine: 'max' | 'min';
}

/** Everything an application's calls are held to. Stored per application; defaults depend on its status. */
export interface PolicyRules {
  categories: Record<ModerationCategory, CategoryPolicy>;
  limits: LengthLimits;
  rateLimits: RateLimits;
  strikes: StrikePolicy;
  blocklist: Blocklist;
  /** Whether each request must name its end user in `user`. */
  requireUser: boolean;
  /** Request-log rows of this application are deleted after this many days. */
  retentionDays: number;
  /** Store prompts and outputs in the request log with personal data redacted. */
  redactLoggedText: boolean;
  /** Multiplies the classifier's calibrated thresholds where a rule leaves its threshold null (< 1 is stricter). */
  classifierThresholdScale: number;
  guards: GuardPolicy;
}
