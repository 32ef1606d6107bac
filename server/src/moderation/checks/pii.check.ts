import { Injectable } from '@nestjs/common';
import { redact } from '../redaction';
import { Direction, Span, Verdict, WardenCategory } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';

interface Detector {
  category: WardenCategory;
  pattern: RegExp;
  valid?: (match: string) => boolean;
  /** A lookalike that fails validation still claims its text, so a weaker detector does not report it. */
  claimsInvalid?: boolean;
}

const DETECTORS: Detector[] = [
  { category: 'pii/email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
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
      /\b(?:sk-(?:proj-)?[A-Za-z0-9_-]{20,}|wk-[A-Za-z0-9]{8}_[A-Za-z0-9]{32,64}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})\b|-----BEGIN [A-Z ]*PRIVATE KEY-----|(?<=\b(?:api[_-]?key|secret|token|password)\s*[:=]\s*["']?)[A-Za-z0-9_\-/+=]{16,}/gi,
  },
];

/** Personal data and credentials, found by pattern (cards must pass the Luhn check), with spans for redaction. */
@Injectable()
export class PiiCheck implements ModerationCheck {
  readonly name = 'pii';
  readonly directions = [Direction.Input, Direction.Output] as const;

  async run(texts: string[], _context: CheckContext): Promise<Verdict[][]> {
    return texts.map((text) => detectPii(text));
  }
}

export function detectPii(text: string): Verdict[] {
  const taken: Span[] = [];
  const byCategory = new Map<WardenCategory, Span[]>();
  for (const detector of DETECTORS) {
    for (const match of text.matchAll(detector.pattern)) {
      const span = { start: match.index, end: match.index + match[0].length };
      // Earlier detectors win: a card number is not also reported as a phone number.
      if (taken.some((other) => span.start < other.end && other.start < span.end)) continue;
      const valid = !detector.valid || detector.valid(match[0]);
      if (valid || detector.claimsInvalid) taken.push(span);
      if (!valid) continue;
      byCategory.set(detector.category, [...(byCategory.get(detector.category) ?? []), span]);
    }
  }
  return [...byCategory.entries()].map(([category, spans]) => ({ check: 'pii', category, score: 1, spans }));
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
