import { Direction, Verdict } from '../moderation.types';
import { Blocklist } from '../moderation.types';

export interface CheckContext {
  direction: Direction;
  blocklist: Blocklist;
}

/** The one contract every check fulfils: the same checks run on prompts and on outputs. */
export interface ModerationCheck {
  readonly name: string;
  readonly directions: readonly Direction[];
  run(texts: string[], context: CheckContext): Promise<Verdict[][]>;
}
