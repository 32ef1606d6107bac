import type { Direction, ModerationAction, Verdict } from '../types';

/** Least to most severe, as the server orders them: the most severe action among overlapping verdicts wins. */
export const ACTION_SEVERITY: Record<ModerationAction, number> = {
  allow: 0,
  observe: 1,
  flag: 2,
  redact: 3,
  hold: 4,
  block: 5,
};

export function mostSevere(verdicts: Verdict[]): ModerationAction {
  return verdicts.reduce<ModerationAction>(
    (worst, verdict) => (ACTION_SEVERITY[verdict.action] > ACTION_SEVERITY[worst] ? verdict.action : worst),
    'allow',
  );
}

/** Verdicts arrive as stored JSON; anything that is not a list of verdicts is treated as none. */
export function asVerdicts(value: unknown): Verdict[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is Verdict =>
          typeof item === 'object' && item !== null && 'category' in item && 'direction' in item,
      )
    : [];
}

export const triggered = (verdicts: Verdict[], direction?: Direction): Verdict[] =>
  verdicts.filter((verdict) => verdict.triggered && (!direction || verdict.direction === direction));

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The triggered verdicts whose spans cover this piece of text; empty for plain text. */
  verdicts: Verdict[];
}

/**
 * Cuts `text` at every span boundary so overlapping spans (a prompt-injection phrase inside a longer one) each get
 * their own piece, listing every verdict that covers it. Spans past the end of the text are clipped: with several
 * prompts or choices they refer to the first, which the joined text starts with.
 */
export function segmentText(text: string, verdicts: Verdict[]): Segment[] {
  const spans = verdicts.flatMap((verdict) =>
    (verdict.spans ?? [])
      .map((span) => ({
        start: Math.max(0, Math.min(span.start, text.length)),
        end: Math.max(0, Math.min(span.end, text.length)),
        verdict,
      }))
      .filter((span) => span.end > span.start),
  );
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let index = 0; index < cuts.length - 1; index++) {
    const [start, end] = [cuts[index], cuts[index + 1]];
    const covering = spans
      .filter((span) => span.start <= start && span.end >= end)
      .map((span) => span.verdict);
    const previous = segments[segments.length - 1];
    // Adjacent pieces covered by the same verdicts read as one highlight.
    if (previous && sameVerdicts(previous.verdicts, covering)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), verdicts: [...new Set(covering)] });
    }
  }
  return segments;
}

function sameVerdicts(a: Verdict[], b: Verdict[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((verdict) => setB.has(verdict));
}
