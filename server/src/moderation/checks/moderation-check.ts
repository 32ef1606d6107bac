import { Blocklist, Direction, GuardPolicy, ModerationPolicy, Verdict } from '../moderation.types';

export interface CheckContext {
  direction: Direction;
  blocklist: Blocklist;
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
  run(texts: string[], context: CheckContext): Promise<Verdict[][]>;
}
