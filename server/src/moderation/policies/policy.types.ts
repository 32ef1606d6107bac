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
}
