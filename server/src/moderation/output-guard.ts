import { AppliedVerdict, ModerationResult } from './moderation.service';
import { ACTION_SEVERITY, Blocklist, ModerationAction, Span } from './moderation.types';
import { longestBlocklistMatch } from './checks/lexicon.check';
import { redact } from './redaction';
import { isWhiteSpace } from './text/white-space';

/** Already-sent text each check window starts with, so a harm that builds up across chunks is still seen. */
const CONTEXT_CHARS = 400;
/**
 * Where a stream's checks fall: the first after 24 fresh characters (so text starts flowing as soon as it did),
 * then after steps that double up to 192. Every window is `CONTEXT_CHARS + step + holdback` long, so the checks
 * see each character about (400 + 192 + 48) / 192 ≈ 3.3 times in a long output, not (400 + 24 + 48) / 24 ≈ 20.
 * Output moderation is most of the api's own work per streamed token; 192 characters are ~48 tokens, so releases
 * still come about every second at 50 tokens/s.
 */
const FIRST_STEP_CHARS = 24;
const MAX_STEP_CHARS = 192;
/** How far a window's edge moves to fall between words; longer words are cut where the edge falls. */
const WORD_EDGE_CHARS = 24;
/** The holdback when the policy's blocklist is short: room for the longest built-in lexicon entries. */
const MIN_HOLDBACK_CHARS = 48;
/**
 * The longest word a release waits for: a word still being written when a check ends (no white space from the cut to
 * the check's end) is held back whole, so a blocklisted word spelled in long escapes (`&#0000099;`, ten characters
 * a letter) is never half-sent before it is read whole. Longer runs without white space (base64, minified code) are
 * cut as before, so they neither wait for their end nor make every later window longer.
 */
const MAX_HELD_WORD_CHARS = 512;
/** Sampled text each alternative token is checked after, so a word it completes is read whole. */
const ALTERNATIVE_CONTEXT_CHARS = 24;

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

/** One choice of a stream. Positions are character offsets into the choice's whole generated text. */
interface ChoiceWindow {
  /** The generated text from offset `base` on; what lies before it no check window can reach any more. */
  text: string;
  base: number;
  /** Text before this offset has been sent. */
  released: number;
  /** How many checkpoints the text has passed. */
  checkpoints: number;
  /** The logprobs of unsent text, each ending at offset `end`. */
  segments: Array<{ end: number; logprobs: TokenLogprobs }>;
  stop: Stop | null;
}

/**
 * Output moderation under one policy, for whole choices and for streams alike: block, hold, redact, and logprobs
 * kept exactly with their text. On a stream each choice is moderated over a sliding window; nothing leaves
 * before a check has seen it, and the last `holdback` characters always wait for the next check, so a blocklist
 * entry that arrives across chunks is never half-sent. The holdback is sized from the policy's blocklist.
 * Checkpoints sit at fixed offsets of the generated text, and each window is cut from the text by its checkpoint
 * alone, so the verdicts do not depend on how the text was chunked (one chunk may pass several checkpoints: their
 * windows go to the checks together, as one batch).
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

  /**
   * Whole choices: blocked ones come back empty with `content_filter`; redacted ones lose their logprobs, and so
   * do choices whose alternative tokens the policy would not have let through.
   */
  async review<T extends GuardedText>(choices: T[]): Promise<T[]> {
    const results = await this.moderate(choices.map((choice) => choice.text));
    const reviewed = choices.map((choice, index) => {
      const result = results[index];
      this.verdicts.push(...result.verdicts);
      if (result.action === ModerationAction.Hold) this.held = true;
      if (result.action === ModerationAction.Block) {
        return { ...choice, text: '', logprobs: null, finish_reason: 'content_filter' };
      }
      return result.text === choice.text ? choice : { ...choice, text: result.text, logprobs: null };
    });
    const unsafe = await this.unsafeAlternatives(reviewed.map((choice) => choice.logprobs));
    return reviewed.map((choice, index) => (unsafe[index] ? { ...choice, logprobs: null } : choice));
  }

  /**
   * Which of these logprobs list alternative tokens (`top_logprobs`) the policy would have redacted, blocked or
   * held had the model sampled them: the client would read them there. Their verdicts are not the output's
   * and are not kept.
   */
  private async unsafeAlternatives(logprobs: Array<TokenLogprobs | null>): Promise<boolean[]> {
    const texts = logprobs.map((entry) => (entry ? alternativesText(entry) : ''));
    const checked = texts.flatMap((text, index) => (text ? [index] : []));
    const unsafe = logprobs.map(() => false);
    if (checked.length === 0) return unsafe;
    const results = await this.moderate(checked.map((index) => texts[index]));
    checked.forEach((index, i) => {
      unsafe[index] = ACTION_SEVERITY[results[i].action] >= ACTION_SEVERITY[ModerationAction.Redact];
    });
    return unsafe;
  }

  /**
   * One streamed delta in; what of its choice may be sent now out (null: nothing yet). A blocked choice ends
   * with `content_filter` at once; a held one just stops sending, and the caller ends it with the held id.
   */
  async push<T extends GuardedText>(delta: T): Promise<T | null> {
    const window = this.windowFor(delta.index);
    if (window.stop) return null;
    window.text += delta.text;
    const total = window.base + window.text.length;
    if (delta.logprobs) window.segments.push({ end: total, logprobs: delta.logprobs });
    const final = delta.finish_reason !== null;
    const ends: number[] = [];
    while (this.checkpoint(window.checkpoints + 1) <= total) ends.push(this.checkpoint(++window.checkpoints));
    if (final && total > window.released) ends.push(total);
    if (ends.length === 0) return final ? { ...delta, text: '', logprobs: null } : null;
    const release = await this.check(window, ends, final);
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
      window = { text: '', base: 0, released: 0, checkpoints: 0, segments: [], stop: null };
      this.windows.set(index, window);
    }
    return window;
  }

  /** The offset of checkpoint `k` (from 1): the holdback, then steps of 24, 48, 96, 192, 192, ... characters. */
  private checkpoint(k: number): number {
    let offset = this.holdback;
    for (let i = 0, step = FIRST_STEP_CHARS; i < k; i++, step = Math.min(step * 2, MAX_STEP_CHARS)) {
      offset += step;
    }
    return offset;
  }

  /**
   * Checks the window ending at each of `ends` (one batch), then releases what every check passed: up to the last
   * end less the holdback (all of it when `final`), never splitting a redaction or (with logprobs) a delta.
   */
  private async check(
    window: ChoiceWindow,
    ends: number[],
    final: boolean,
  ): Promise<{ text: string; logprobs: TokenLogprobs | null }> {
    // A window never ends inside a word before the text does: "abo|ut" must not be judged as "abo".
    const stops = ends.map((end) =>
      final && end === ends[ends.length - 1] ? end : this.wordEdge(window, end, -1),
    );
    // Each window as if its checkpoint had been reached alone, the one before it having released its text.
    const starts = stops.map((end, i) =>
      this.wordEdge(
        window,
        this.windowStart(
          end,
          i === 0 ? window.released : Math.max(window.released, stops[i - 1] - this.holdback),
        ),
        1,
      ),
    );
    const results = await this.moderate(
      stops.map((end, i) => window.text.slice(starts[i] - window.base, end - window.base)),
    );
    for (const result of results) this.remember(result.verdicts);
    const stopping = results.find(
      (result) => ACTION_SEVERITY[result.action] >= ACTION_SEVERITY[ModerationAction.Hold],
    );
    if (stopping) {
      window.stop = results.some((result) => result.action === ModerationAction.Block) ? 'blocked' : 'held';
      if (window.stop === 'held') this.held = true;
      window.text = '';
      window.segments = [];
      return { text: '', logprobs: null };
    }
    const from = window.released;
    const last = stops[stops.length - 1];
    let cut = final ? last : Math.max(from, last - this.holdback);
    // Never between the halves of a surrogate pair (an emoji, a CJK extension character): each release is a JSON
    // string of its own, and many clients' parsers refuse or replace a lone half.
    if (!final && cut > from && isHighSurrogate(window.text.charCodeAt(cut - 1 - window.base))) cut--;
    if (!final) cut = Math.max(from, this.beforeUnfinishedWord(window, cut, last));
    const redactions: Array<Span & { category: string }> = [];
    results.forEach((result, i) => {
      for (const verdict of result.verdicts) {
        if (!verdict.triggered || verdict.action !== ModerationAction.Redact) continue;
        for (const span of verdict.spans ?? []) {
          const start = starts[i] + span.start;
          const end = starts[i] + span.end;
          if (end <= from) continue; // inside text already sent, redacted then
          if (start < cut && end > cut) cut = Math.max(from, start); // never split a redaction across releases
          redactions.push({ start: Math.max(0, start - from), end: end - from, category: verdict.category });
        }
      }
    });
    if (!final && window.segments.length > 0) {
      // Logprobs travel with exactly their text: release whole deltas only.
      cut = window.segments.reduce((best, segment) => (segment.end <= cut ? segment.end : best), from);
    }
    const raw = window.text.slice(from - window.base, cut - window.base);
    const released = window.segments.filter((segment) => segment.end <= cut);
    window.segments = window.segments.slice(released.length);
    window.released = cut;
    this.forget(window);
    const applied = redactions.filter((span) => span.start < cut - from);
    const logprobs = applied.length > 0 || released.length === 0 ? null : concatLogprobs(released);
    const [unsafe] = await this.unsafeAlternatives([logprobs]);
    return { text: redact(raw, applied), logprobs: unsafe ? null : logprobs };
  }

  /**
   * A window reaches `CONTEXT_CHARS` before the text its checkpoint releases. Checkpoints are at most a step apart,
   * so that text starts after `end - holdback - MAX_STEP_CHARS` unless an earlier release stopped short.
   */
  private windowStart(end: number, released: number): number {
    return Math.max(0, Math.min(end - this.holdback - MAX_STEP_CHARS, released) - CONTEXT_CHARS);
  }

  /**
   * `offset` moved to the nearest word boundary in `direction` (-1: back to just after the last whitespace before
   * it; 1: forward to just after the next), within WORD_EDGE_CHARS; unmoved at the text's start or when no
   * whitespace is that close (a run of text without spaces is judged as it is cut).
   */
  private wordEdge(window: ChoiceWindow, offset: number, direction: -1 | 1): number {
    if (offset <= 0) return 0;
    const text = window.text;
    for (let step = 0; step < WORD_EDGE_CHARS; step++) {
      const at = offset - window.base + (direction < 0 ? -1 - step : step - 1);
      if (at < 0 || at >= text.length) break;
      if (/\s/.test(text[at])) return window.base + at + 1;
    }
    return offset;
  }

  /**
   * `cut`, or the start of the word it falls in when that word runs on to `end` (the checked text stops inside it)
   * and began at most MAX_HELD_WORD_CHARS before `end`.
   */
  private beforeUnfinishedWord(window: ChoiceWindow, cut: number, end: number): number {
    const text = window.text;
    for (let at = cut; at < end; at++) {
      if (isWhiteSpace(text.charCodeAt(at - window.base))) return cut;
    }
    let start = cut;
    while (start > window.base && !isWhiteSpace(text.charCodeAt(start - 1 - window.base))) {
      if (end - start >= MAX_HELD_WORD_CHARS) return cut;
      start--;
    }
    return start;
  }

  /** Drops text no later window can start in, so a long stream keeps a bounded window. */
  private forget(window: ChoiceWindow): void {
    const keepFrom = this.windowStart(window.released, window.released) - this.holdback;
    if (keepFrom - window.base < 4 * CONTEXT_CHARS) return;
    window.text = window.text.slice(keepFrom - window.base);
    window.base = keepFrom;
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Every alternative token that differs from the sampled one, one per line, after the sampled text before it:
 * what the model would have written instead.
 */
function alternativesText(logprobs: TokenLogprobs): string {
  const lines: string[] = [];
  let sampled = '';
  logprobs.tokens.forEach((token, index) => {
    const context = sampled.slice(-ALTERNATIVE_CONTEXT_CHARS);
    for (const alternative of Object.keys(logprobs.top_logprobs[index] ?? {})) {
      if (alternative !== token) lines.push(`${context}${alternative}`);
    }
    sampled = context + token;
  });
  return lines.join('\n');
}

function concatLogprobs(segments: Array<{ logprobs: TokenLogprobs }>): TokenLogprobs {
  return {
    tokens: segments.flatMap((segment) => segment.logprobs.tokens),
    token_logprobs: segments.flatMap((segment) => segment.logprobs.token_logprobs),
    top_logprobs: segments.flatMap((segment) => segment.logprobs.top_logprobs),
    text_offset: segments.flatMap((segment) => segment.logprobs.text_offset),
  };
}
