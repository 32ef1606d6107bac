import { ReplayDiff, ReplayExample } from '../contracts';
import { ACTION_SEVERITY, ModerationAction } from '../moderation/moderation.types';

/** A verdict as the request log stores it and as a replay produces it: only what the comparison reads. */
export interface JudgedVerdict {
  category: string;
  triggered: boolean;
  action: string;
}

/** What one call's verdicts amount to: whether it was blocked, and which categories blocked or flagged it. */
export interface CallOutcome {
  blocked: boolean;
  blockedBy: Set<string>;
  flagged: Set<string>;
}

const EXAMPLES_PER_KIND = 10;

function severity(action: string): number {
  return ACTION_SEVERITY[action as ModerationAction] ?? 0;
}

/** Flagged as decide() counts it: a triggered verdict acting at least as strongly as `flag`. */
export function outcomeOf(verdicts: unknown): CallOutcome {
  const blockedBy = new Set<string>();
  const flagged = new Set<string>();
  for (const verdict of Array.isArray(verdicts) ? (verdicts as unknown[]) : []) {
    if (!isJudged(verdict) || !verdict.triggered) continue;
    if (verdict.action === ModerationAction.Block) blockedBy.add(verdict.category);
    if (severity(verdict.action) >= ACTION_SEVERITY[ModerationAction.Flag]) flagged.add(verdict.category);
  }
  return { blocked: blockedBy.size > 0, blockedBy, flagged };
}

function isJudged(value: unknown): value is JudgedVerdict {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.category === 'string' &&
    typeof record.triggered === 'boolean' &&
    typeof record.action === 'string'
  );
}

type Kind = 'newlyBlocked' | 'newlyAllowed' | 'newlyFlagged' | 'noLongerFlagged';
const KINDS: Kind[] = ['newlyBlocked', 'newlyAllowed', 'newlyFlagged', 'noLongerFlagged'];

/** Accumulates the comparison of stored and replayed outcomes over every call of a replay. */
export class ReplayDiffBuilder {
  private replayed = 0;
  private skipped = 0;
  private readonly totals: Record<Kind, number> = {
    newlyBlocked: 0,
    newlyAllowed: 0,
    newlyFlagged: 0,
    noLongerFlagged: 0,
  };
  private readonly perCategory = new Map<string, Record<Kind, number>>();
  private readonly examples: Record<Kind, ReplayExample[]> = {
    newlyBlocked: [],
    newlyAllowed: [],
    newlyFlagged: [],
    noLongerFlagged: [],
  };

  skip(): void {
    this.skipped++;
  }

  add(requestId: string, snippet: string, stored: CallOutcome, replayed: CallOutcome): void {
    this.replayed++;
    const changes: Record<Kind, string[]> = {
      newlyBlocked: !stored.blocked && replayed.blocked ? [...replayed.blockedBy] : [],
      newlyAllowed: stored.blocked && !replayed.blocked ? [...stored.blockedBy] : [],
      newlyFlagged: [...replayed.flagged].filter((category) => !stored.flagged.has(category)),
      noLongerFlagged: [...stored.flagged].filter((category) => !replayed.flagged.has(category)),
    };
    for (const kind of KINDS) {
      const categories = changes[kind].sort();
      if (categories.length === 0) continue;
      this.totals[kind]++;
      for (const category of categories) this.category(category)[kind]++;
      if (this.examples[kind].length < EXAMPLES_PER_KIND) {
        this.examples[kind].push({ requestId, snippet, categories });
      }
    }
  }

  build(): ReplayDiff {
    return {
      replayed: this.replayed,
      skipped: this.skipped,
      ...this.totals,
      perCategory: [...this.perCategory.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([category, counts]) => ({ category, ...counts })),
      examples: this.examples,
    };
  }

  private category(name: string): Record<Kind, number> {
    let counts = this.perCategory.get(name);
    if (!counts) {
      counts = { newlyBlocked: 0, newlyAllowed: 0, newlyFlagged: 0, noLongerFlagged: 0 };
      this.perCategory.set(name, counts);
    }
    return counts;
  }
}
