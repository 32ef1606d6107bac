import {
  Blocklist,
  Direction,
  GuardPolicy,
  ModerationCategory,
  ModerationPolicy,
  Verdict,
} from '../moderation.types';

export interface CheckContext {
  direction: Direction;
  blocklist: Blocklist;
  /** The policy's margin for sentences read alone in this direction; null for the classifier model's own. */
  sentenceMargin?: number | null;
  /** The policy's guard settings (per-direction fail-open or fail-closed), for the remote guard checks. */
  guards?: GuardPolicy;
  /** The application whose traffic this is, for checks built per application (topicality). */
  applicationId?: string;
}

/** The one contract every check fulfils: the same checks run on prompts and on outputs. */
export interface ModerationCheck {
  readonly name: string;
  readonly directions: readonly Direction[];
  /** Checks that are optional per policy (the guard checks) say here whether this policy uses them. */
  enabledFor?(policy: ModerationPolicy, direction: Direction): boolean;
  /**
   * Every category the check's verdicts can carry (a failure's `check-failure` aside). When the policy allows all
   * of them in a direction, no verdict of the check could change the outcome, so it is not run there. Checks whose
   * categories are open-ended (the guard checks) leave it out and say `enabledFor` instead.
   */
  readonly categories?: readonly ModerationCategory[];
  /**
   * Judges wording that a request can split over texts the model reads as one (a chat's messages, a prompt and its
   * suffix): the classifier, the lexicon and the guards also read those texts joined (a guard then costs one call
   * more per such request). Checks that judge each text's own content (PII, injection, topicality) leave it out.
   */
  readonly readsAcrossTexts?: boolean;
  run(texts: string[], context: CheckContext): Promise<Verdict[][]>;
}
