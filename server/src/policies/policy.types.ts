import { LengthLimits, RateLimits } from '../limits/limits.types';
import {
  Blocklist,
  CategoryPolicy,
  GuardPolicy,
  ModerationCategory,
  SentenceMarginOverride,
} from '../moderation/moderation.types';

/** When an end user's strike points throttle, then block, that end user alone. */
export interface StrikePolicy {
  throttleAt: number;
  blockAt: number;
  throttledRequestsPerMinute: number;
  /**
   * Points halve every this many hours (on the end user's own clock, by whole half-lives), so an everyday question
   * the classifier flagged wrongly fades while repeated harm still adds up; `null`: points never fade.
   */
  halfLifeHours: number | null;
}

/**
 * How fine-tuning files are screened: the share of flagged examples above which a job fails
 * (`training_file_flagged`), and the share above which (up to that limit) the file waits for staff review. At
 * or below `reviewAboveShare` a file trains without review, so 0 sends every flagged file to staff.
 */
export interface FineTuningScreeningPolicy {
  maxFlaggedShare: number;
  reviewAboveShare: number;
}

/**
 * Everything an application's calls are held to, assembled from the pieces each domain owns: length and rate
 * limits (limits), categories and blocklist (moderation), strikes, retention. Stored per application as a patch
 * over defaults that depend on its status.
 */
export interface PolicyRules {
  categories: Record<ModerationCategory, CategoryPolicy>;
  limits: LengthLimits;
  rateLimits: RateLimits;
  strikes: StrikePolicy;
  blocklist: Blocklist;
  /** Whether each request must name its end user in `user` (or `safety_identifier`). */
  requireUser: boolean;
  /** Request-log rows of this application are deleted after this many days. */
  retentionDays: number;
  /** Store prompts and outputs in the request log with personal data redacted. */
  redactLoggedText: boolean;
  /**
   * Chat: leave the system and developer messages out of input moderation. The developer wrote them, not the end
   * user, and a safety prompt that names the harms it forbids would otherwise trip the very checks it supports.
   */
  exemptSystemPrompt: boolean;
  /** Multiplies the classifier's calibrated thresholds where a rule leaves its threshold null (< 1 is stricter). */
  classifierThresholdScale: number;
  /** Overrides the classifier model's margin for sentences read alone, per direction (null: the model's own). */
  classifierSentenceMargin: SentenceMarginOverride;
  /** The operator-configured guard checks (LLM guard, upstream moderation) this policy uses, and how. */
  guards: GuardPolicy;
  fineTuning: FineTuningScreeningPolicy;
}
