import { ACTION_SEVERITY, ModerationAction, ModerationCategory } from '../moderation/moderation.types';
import { StrikePolicy } from '../policies/policy.types';

export enum EndUserStatus {
  Active = 'active',
  Throttled = 'throttled',
  Blocked = 'blocked',
}

interface LoggedVerdict {
  category: ModerationCategory;
  triggered?: boolean;
  action?: ModerationAction;
  /** Present when a guard check could not judge the text: an outage is not the end user's doing. */
  failure?: unknown;
}

const SEVERE: ReadonlySet<string> = new Set([
  'sexual/minors',
  'hate/threatening',
  'harassment/threatening',
  'self-harm/instructions',
  'illicit/violent',
  'violence/graphic',
]);

/**
 * Points one request adds to its end user's record: its most serious triggered verdict counts, so one prompt that
 * trips three checks is one strike, not three. Blocked or held content weighs more than flagged; severe
 * categories weigh double. Only triggered verdicts count (score at or above the policy's threshold), and never a
 * guard check's failure verdict, nor `unreadable` (writing in a language the classifier cannot read is no offence,
 * even where a policy holds such text back).
 */
export function strikePoints(verdicts: LoggedVerdict[]): number {
  let points = 0;
  for (const verdict of verdicts) {
    if (!verdict.triggered || !verdict.action || verdict.failure !== undefined) continue;
    if (verdict.category === 'unreadable') continue;
    const severity = ACTION_SEVERITY[verdict.action];
    if (severity < ACTION_SEVERITY[ModerationAction.Flag]) continue;
    const base = severity >= ACTION_SEVERITY[ModerationAction.Hold] ? 2 : 1;
    points = Math.max(points, SEVERE.has(verdict.category) ? base * 2 : base);
  }
  return points;
}

export function isFlagged(verdicts: LoggedVerdict[]): boolean {
  return strikePoints(verdicts) > 0;
}

/** Staff decisions stand: an end user staff unblocked is only re-blocked by new strikes past the threshold. */
export function statusFor(points: number, policy: StrikePolicy): EndUserStatus {
  if (points >= policy.blockAt) return EndUserStatus.Blocked;
  if (points >= policy.throttleAt) return EndUserStatus.Throttled;
  return EndUserStatus.Active;
}
