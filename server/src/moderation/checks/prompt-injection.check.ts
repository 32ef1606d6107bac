import { Injectable } from '@nestjs/common';
import { Direction, Span, Verdict } from '../moderation.types';
import { foldText, originalRange } from '../text/folded-text';
import { hiddenTagText } from '../text/tag-characters';
import { encodedPayloads } from '../text/encoded-text';
import { decodeEscapes } from '../text/escaped-text';
import { CheckContext, ModerationCheck } from './moderation-check';
import { runRuleCheck } from './rule-check-thread';

/**
 * Phrasings seen in instruction-override attacks, each with the weight of its evidence. Every repetition is
 * bounded and no `^\s*` spans lines, so a pattern costs a bounded number of steps per start position.
 */
const SIGNALS: Array<{ pattern: RegExp; weight: number }> = [
  {
    pattern:
      /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|your|the)\b[^.\n]{0,20}\b(?:instructions?|prompts?|rules|directions|guidelines|context)\b/gi,
    weight: 0.7,
  },
  {
    pattern:
      /\b(?:reveal|print|show|repeat|output|leak)\b[^.\n]{0,30}\b(?:system|hidden|initial|original|secret)\s{1,8}(?:prompt|instructions?|message)\b/gi,
    weight: 0.7,
  },
  {
    pattern:
      /\byou\s{1,8}are\s{1,8}now\b[^.\n]{0,40}\b(?:DAN|unfiltered|uncensored|jailbroken|developer mode|no (?:rules|restrictions|limits))\b/gi,
    weight: 0.8,
  },
  {
    pattern:
      /\b(?:pretend|act|behave)\b[^.\n]{0,30}\b(?:without|no)\s{1,8}(?:any\s{1,8})?(?:restrictions|filters|rules|limitations|guidelines|censorship)\b/gi,
    weight: 0.6,
  },
  { pattern: /\b(?:jailbreak|DAN mode|developer mode enabled|do anything now)\b/gi, weight: 0.6 },
  {
    pattern:
      /<\|(?:im_start|im_end|system|endoftext)\|>|^[ \t]*#{2,}[ \t]*(?:system|instruction)s?[ \t]*:?/gim,
    weight: 0.5,
  },
  { pattern: /\bnew\s{1,8}(?:system\s{1,8})?instructions?\s{0,8}:/gi, weight: 0.4 },
];

/** Heuristics for prompts that try to take over the application's instructions; input only. */
@Injectable()
export class PromptInjectionCheck implements ModerationCheck {
  readonly name = 'prompt-injection';
  readonly directions = [Direction.Input] as const;
  readonly categories = ['prompt-injection'] as const;

  run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    return runRuleCheck(this.name, texts, context.blocklist, (text) => detectPromptInjection(text));
  }
}

/** Text hidden in tag characters is there to be read by the model and not by people: evidence in itself. */
const HIDDEN_TEXT_WEIGHT = 0.5;

/**
 * Read as given; when something folds (`ｉｇｎｏｒｅ`, `іgnore`, `ig\u200bnore`), as folded; with its escapes and
 * markup read past (`&#105;gnore`, `ig<b></b>nore`), so; and when ASCII hides in tag characters, that hidden text;
 * and each message encoded in base64. The reading with the most evidence decides; spans point into the text as
 * given (for hidden text: the invisible runs).
 */
export function detectPromptInjection(text: string): Verdict[] {
  let strongest = weighSignals(text);
  const folded = foldText(text);
  if (folded) {
    const reading = weighSignals(folded.text);
    if (reading.evidence > strongest.evidence) {
      strongest = {
        evidence: reading.evidence,
        spans: reading.spans.map((span) => originalRange(folded, span.start, span.end)),
      };
    }
  }
  const decoded = decodeEscapes(text);
  if (decoded) {
    const reading = weighSignals(decoded.text);
    if (reading.evidence > strongest.evidence) {
      strongest = {
        evidence: reading.evidence,
        spans: reading.spans.map((span) => originalRange(decoded, span.start, span.end)),
      };
    }
  }
  const hidden = hiddenTagText(text);
  if (hidden) {
    const evidence = HIDDEN_TEXT_WEIGHT + weighSignals(hidden.text).evidence;
    if (evidence > strongest.evidence) strongest = { evidence, spans: hidden.spans };
  }
  // Instructions encoded in base64 are read decoded; the span is the encoded run.
  for (const payload of encodedPayloads(text)) {
    const { evidence } = weighSignals(payload.text);
    if (evidence > strongest.evidence) strongest = { evidence, spans: [payload.span] };
  }
  if (strongest.evidence === 0) return [];
  return [
    {
      check: 'prompt-injection',
      category: 'prompt-injection',
      score: Math.min(1, strongest.evidence),
      spans: strongest.spans.sort((a, b) => a.start - b.start),
    },
  ];
}

function weighSignals(text: string): { evidence: number; spans: Span[] } {
  const spans: Span[] = [];
  let evidence = 0;
  for (const signal of SIGNALS) {
    const matches = [...text.matchAll(signal.pattern)];
    if (matches.length > 0) {
      evidence += signal.weight;
      for (const match of matches) spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return { evidence, spans };
}
