import { AppliedVerdict, ModerationResult } from './moderation.service';
import { ACTION_SEVERITY, Blocklist, ModerationAction, Span } from './moderation.types';
import { longestBlocklistMatch } from './checks/lexicon.check';
import { redact } from './redaction';

/** Already-sent text kept in each check's window, so a harm that builds up across chunks is still seen. */
const CONTEXT_CHARS = 400;
/** Fresh text gathered before a check runs, so checks stay a small share of generation time. */
const CHECK_STEP_CHARS = 24;
/** The holdback when the policy's blocklist is short: room for the longest built-in lexicon entries. */
const MIN_HOLDBACK_CHARS = 48;

/** OpenAI's legacy logprobs, one entry per token. */
export interface TokenLogprobs {
  tokens: string[];
  token_logprobs: (number | null)[];
  top_logprobs: (Record<string, number> | null)[];
  text_offset: number[];
}

/** One choice of generated text (whole, or a streamed delta of it). */
export interface GuardedText {
  index: number;
  text: string;
  finish_reason: string | null;
  logprobs: TokenLogprobs | null;
}

export type ModerateOutput = (texts: string[]) => Promise<ModerationResult[]>;

/** Why a choice stopped releasing text. */
type Stop = 'blocked' | 'held';

interface ChoiceWindow {
  sent: string;
  pending: string;
  /** The logprobs of pending text, each ending at `end` characters into `pending`. */
  segments: Array<{ end: number; logprobs: TokenLogprobs }>;
  stop: Stop | null;
}

/**
 * Output moderation under one policy, for whole choices and for streams alike: block, hold, redact, and logprobs
 * kept exactly with their text. On a stream each choice is moderated over a sliding window; nothing leaves
 * before a check has seen it, and the last `holdback` characters always wait for the next check, so a blocklist
 * entry that arrives across chunks is never half-sent. The holdback is sized from the policy's blocklist.
 */
export class OutputGuard {
  readonly verdicts: AppliedVerdict[] = [];
  /** Some output asked to be held for staff review. */
  held = false;
  private readonly windows = new Map<number, ChoiceWindow>();

  constructor(
    private readonly moderate: ModerateOutput,
    private readonly holdback: number,
  ) {}

  /** The longest raw text a blocklist match can span (evasions included), plus a margin. */
  static holdbackFor(blocklist: Blocklist): number {
    return Math.max(MIN_HOLDBACK_CHARS, longestBlocklistMatch(blocklist) + 8);
  }

  /** Whole choices: blocked ones come back empty with `content_filter`; redacted ones lose their logprobs. */
  async review<T extends GuardedText>(choices: T[]): Promise<T[]> {
    const results = await this.moderate(choices.map((choice) => choice.text));
    return choices.map((choice, index) => {
      const result = results[index];
      this.verdicts.push(...result.verdicts);
      if (result.action === ModerationAction.Hold) this.held = true;
      if (result.action === ModerationAction.Block) {
        return { ...choice, text: '', logprobs: null, finish_reason: 'content_filter' };
      }
      return result.text === choice.text ? choice : { ...choice, text: result.text, logprobs: null };
    });
  }

  /**
   * One streamed delta in; what of its choice may be sent now out (null: nothing yet). A blocked choice ends
   * with `content_filter` at once; a held one just stops sending, and the caller ends it with the held id.
   */
  async push<T extends GuardedText>(delta: T): Promise<T | null> {
    const window = this.windowFor(delta.index);
    if (window.stop) return null;
    window.pending += delta.text;
    if (delta.logprobs) window.segments.push({ end: window.pending.length, logprobs: delta.logprobs });
    const final = delta.finish_reason !== null;
    if (!final && window.pending.length < this.holdback + CHECK_STEP_CHARS) return null;
    const release = await this.check(window, final);
    if (window.stop === 'blocked') {
      return { ...delta, text: '', logprobs: null, finish_reason: 'content_filter' };
    }
    if (window.stop || (!release.text && !final)) return null;
    return { ...delta, text: release.text, logprobs: release.logprobs };
  }

  /** Choices that stopped because the policy held them, for the stream's last chunk. */
  get heldChoices(): number[] {
    return [...this.windows.entries()].filter(([, window]) => window.stop === 'held').map(([index]) => index);
  }

  /** Every one of `expected` choices is blocked: nothing more will be sent, so generating further is waste. */
  allBlocked(expected: number): boolean {
    return (
      this.windows.size === expected &&
      [...this.windows.values()].every((window) => window.stop === 'blocked')
    );
  }

  private windowFor(index: number): ChoiceWindow {
    let window = this.windows.get(index);
    if (!window) {
      window = { sent: '', pending: '', segments: [], stop: null };
      this.windows.set(index, window);
    }
    return window;
  }

  private async check(
    window: ChoiceWindow,
    final: boolean,
  ): Promise<{ text: string; logprobs: TokenLogprobs | null }> {
    const context = window.sent.slice(-CONTEXT_CHARS);
    const [result] = await this.moderate([context + window.pending]);
    this.remember(result.verdicts);
    if (ACTION_SEVERITY[result.action] >= ACTION_SEVERITY[ModerationAction.Hold]) {
      window.stop = result.action === ModerationAction.Hold ? 'held' : 'blocked';
      if (window.stop === 'held') this.held = true;
      window.pending = '';
      window.segments = [];
      return { text: '', logprobs: null };
    }
    let cut = final ? window.pending.length : Math.max(0, window.pending.length - this.holdback);
    const redactions: Array<Span & { category: string }> = [];
    for (const verdict of result.verdicts) {
      if (!verdict.triggered || verdict.action !== ModerationAction.Redact) continue;
      for (const span of verdict.spans ?? []) {
        const start = span.start - context.length;
        const end = span.end - context.length;
        if (end <= 0) continue; // inside text already sent, redacted then
        if (start < cut && end > cut) cut = Math.max(0, start); // never split a redaction across releases
        redactions.push({ start: Math.max(0, start), end, category: verdict.category });
      }
    }
    if (!final && window.segments.length > 0) {
      // Logprobs travel with exactly their text: release whole deltas only.
      cut = window.segments.reduce((best, segment) => (segment.end <= cut ? segment.end : best), 0);
    }
    const raw = window.pending.slice(0, cut);
    const released = window.segments.filter((segment) => segment.end <= cut);
    window.segments = window.segments
      .slice(released.length)
      .map((segment) => ({ ...segment, end: segment.end - cut }));
    window.sent += raw;
    window.pending = window.pending.slice(cut);
    const applied = redactions.filter((span) => span.start < cut);
    return {
      text: redact(raw, applied),
      logprobs: applied.length > 0 || released.length === 0 ? null : concatLogprobs(released),
    };
  }

  /** Keeps every triggered verdict and the strongest score per check and category. */
  private remember(verdicts: AppliedVerdict[]): void {
    for (const verdict of verdicts) {
      const existing = this.verdicts.findIndex(
        (seen) =>
          seen.check === verdict.check &&
          seen.category === verdict.category &&
          seen.direction === verdict.direction,
      );
      if (existing < 0) this.verdicts.push(verdict);
      else if (
        verdict.score > this.verdicts[existing].score ||
        (verdict.triggered && !this.verdicts[existing].triggered)
      ) {
        this.verdicts[existing] = verdict;
      }
    }
  }
}

function concatLogprobs(segments: Array<{ logprobs: TokenLogprobs }>): TokenLogprobs {
  return {
    tokens: segments.flatMap((segment) => segment.logprobs.tokens),
    token_logprobs: segments.flatMap((segment) => segment.logprobs.token_logprobs),
    top_logprobs: segments.flatMap((segment) => segment.logprobs.top_logprobs),
    text_offset: segments.flatMap((segment) => segment.logprobs.text_offset),
  };
}
