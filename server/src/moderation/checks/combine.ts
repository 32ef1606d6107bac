import { GuardPolicy, ModerationAction } from '../moderation.types';

interface Judged {
  category: string;
  score: number;
  threshold: number;
  triggered: boolean;
  action: ModerationAction;
  failure?: unknown;
}

/**
 * How verdicts of several checks on one category combine. `max` (the default): each verdict stands on its own, so
 * the category triggers when any check reaches its own threshold (the strongest check wins). `min`: a category
 * triggers only when every check that scored it reached its threshold; a single dissenting check clears the
 * others' triggers on that category. Failure verdicts (`guard-unavailable`) are never combined away.
 */
export function combineVerdicts<T extends Judged>(verdicts: T[], combine: GuardPolicy['combine']): T[] {
  if (combine === 'max') return verdicts;
  const dissent = new Set(
    verdicts.filter((verdict) => !verdict.triggered && verdict.failure === undefined).map((v) => v.category),
  );
  return verdicts.map((verdict) =>
    verdict.triggered && verdict.failure === undefined && dissent.has(verdict.category)
      ? { ...verdict, triggered: false, action: ModerationAction.Allow }
      : verdict,
  );
}
