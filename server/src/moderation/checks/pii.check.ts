import { Injectable } from '@nestjs/common';
import { redact } from '../redaction';
import { foldText, originalRange } from '../text/folded-text';
import { Direction, Span, Verdict, WardenCategory } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';
import { runRuleCheck } from './rule-check-thread';

interface Detector {
  category: WardenCategory;
  /**
   * Global, and every repetition bounded: each start position costs a bounded number of steps, so a detector is
   * linear in the text however hostile it is (an unbounded `+` before a literal is quadratic on a long run).
   */
  pattern: RegExp;
  valid?: (match: string) => boolean;
  /** A lookalike that fails validation still claims its text, so a weaker detector does not report it. */
  claimsInvalid?: boolean;
  /** Characters a match runs on into: a long secret is cut at the pattern's bound, then taken whole from here. */
  extend?: RegExp;
}

const SECRET_CHARACTERS = /[A-Za-z0-9_\-/+=]*/y;

const DETECTORS: Detector[] = [
  {
    category: 'pii/email',
    // RFC 5321 caps the local part at 64 and a label at 63 characters.
    pattern: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,63}/g,
  },
  {
    category: 'pii/payment-card',
    pattern: /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g,
    valid: (match) => luhnValid(match.replace(/\D/g, '')),
    claimsInvalid: true,
  },
  {
    category: 'pii/national-id',
    // US SSN (never 000, 666 or 9xx areas) and UK National Insurance numbers.
    pattern:
      /(?<!\d)(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?!\d)|\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
  },
  {
    category: 'pii/phone',
    pattern: /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}(?![\w])/g,
    valid: (match) => {
      const digits = match.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 15;
    },
  },
  {
    category: 'pii/ip-address',
    pattern:
      /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])|(?<![:\w])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![:\w])|(?<![:\w])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}(?![:\w])/gi,
  },
  {
    category: 'pii/secret',
    pattern:
      /\b(?:sk-(?:proj-)?[A-Za-z0-9_-]{20,256}|wk-[A-Za-z0-9]{8}_[A-Za-z0-9]{32,64}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,256}|xox[abprs]-[A-Za-z0-9-]{10,256}|AIza[0-9A-Za-z_-]{35})|-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/gi,
    extend: SECRET_CHARACTERS,
  },
  {
    category: 'pii/secret',
    // Only the value of a credential assignment is the secret; the name before it stays readable.
    pattern:
      /\b(?:api[_-]?key|secret|token|password)[ \t]{0,8}[:=][ \t]{0,8}["']?(?<value>[A-Za-z0-9_\-/+=]{16,256})/dgi,
    extend: SECRET_CHARACTERS,
  },
];

/** Personal data and credentials, found by pattern (cards must pass the Luhn check), with spans for redaction. */
@Injectable()
export class PiiCheck implements ModerationCheck {
  readonly name = 'pii';
  readonly directions = [Direction.Input, Direction.Output] as const;
  readonly categories = [...new Set(DETECTORS.map((detector) => detector.category))];

  run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    return runRuleCheck(this.name, texts, context.blocklist, (text) => detectPii(text));
  }
}

/**
 * Linear in the text: bounded patterns, and claimed characters marked in place rather than compared pairwise.
 * Read as given and, when look-alikes or invisible characters fold (`john＠example．com`, `07700\u200d900123`),
 * as folded too, with spans mapped back to the text as given.
 */
export function detectPii(text: string): Verdict[] {
  const claimed = new Uint8Array(text.length);
  const byCategory = new Map<WardenCategory, Span[]>();
  const report = (category: WardenCategory, span: Span) => {
    const spans = byCategory.get(category);
    if (spans) spans.push(span);
    else byCategory.set(category, [span]);
  };
  for (const { category, span } of findPii(text)) {
    claimed.fill(1, span.start, span.end);
    report(category, span);
  }
  const folded = foldText(text);
  if (folded) {
    for (const { category, span } of findPii(folded.text)) {
      const original = originalRange(folded, span.start, span.end);
      // What the text as given already showed is reported once, with its own span.
      if (claimed.subarray(original.start, original.end).includes(1)) continue;
      claimed.fill(1, original.start, original.end);
      report(category, original);
    }
  }
  return [...byCategory.entries()].map(([category, spans]) => ({
    check: 'pii',
    category,
    score: 1,
    spans: spans.sort((a, b) => a.start - b.start),
  }));
}

function findPii(text: string): Array<{ category: WardenCategory; span: Span }> {
  const claimed = new Uint8Array(text.length);
  const found: Array<{ category: WardenCategory; span: Span }> = [];
  for (const detector of DETECTORS) {
    // The detectors' own (global) patterns, rewound: this loop never yields, so no other text can move lastIndex,
    // and a copy per detector per text cost more than the matching of a short text.
    const pattern = detector.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const [start, matchEnd] = match.indices?.groups?.value ?? [match.index, match.index + match[0].length];
      let end = matchEnd;
      if (detector.extend) {
        detector.extend.lastIndex = end;
        end += detector.extend.exec(text)?.[0].length ?? 0;
        pattern.lastIndex = Math.max(pattern.lastIndex, end);
      }
      // Earlier detectors win: a card number is not also reported as a phone number.
      if (claimed.subarray(start, end).includes(1)) continue;
      const valid = !detector.valid || detector.valid(text.slice(start, end));
      if (valid || detector.claimsInvalid) claimed.fill(1, start, end);
      if (valid) found.push({ category: detector.category, span: { start, end } });
    }
  }
  return found;
}

export function luhnValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The text with every piece of personal data replaced, for logs kept under a redaction policy. */
export function redactPersonalData(text: string): string {
  const spans = detectPii(text).flatMap((verdict) =>
    (verdict.spans ?? []).map((span) => ({ ...span, category: verdict.category })),
  );
  return redact(text, spans);
}
