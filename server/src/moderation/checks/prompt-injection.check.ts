import { Injectable } from '@nestjs/common';
import { Direction, Span, Verdict } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';

/** Phrasings seen in instruction-override attacks, each with the weight of its evidence. */
const SIGNALS: Array<{ pattern: RegExp; weight: number }> = [
  {
    pattern:
      /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|your|the)\b[^.\n]{0,20}\b(?:instructions?|prompts?|rules|directions|guidelines|context)\b/gi,
    weight: 0.7,
  },
  {
    pattern:
      /\b(?:reveal|print|show|repeat|output|leak)\b[^.\n]{0,30}\b(?:system|hidden|initial|original|secret)\s+(?:prompt|instructions?|message)\b/gi,
    weight: 0.7,
  },
  {
    pattern:
      /\byou\s+are\s+now\b[^.\n]{0,40}\b(?:DAN|unfiltered|uncensored|jailbroken|developer mode|no (?:rules|restrictions|limits))\b/gi,
    weight: 0.8,
  },
  {
    pattern:
      /\b(?:pretend|act|behave)\b[^.\n]{0,30}\b(?:without|no)\s+(?:any\s+)?(?:restrictions|filters|rules|limitations|guidelines|censorship)\b/gi,
    weight: 0.6,
  },
  { pattern: /\b(?:jailbreak|DAN mode|developer mode enabled|do anything now)\b/gi, weight: 0.6 },
  {
    pattern: /<\|(?:im_start|im_end|system|endoftext)\|>|^\s*#{2,}\s*(?:system|instruction)s?\s*:?/gim,
    weight: 0.5,
  },
  { pattern: /\bnew\s+(?:system\s+)?instructions?\s*:/gi, weight: 0.4 },
];

/** Heuristics for prompts that try to take over the application's instructions; input only. */
@Injectable()
export class PromptInjectionCheck implements ModerationCheck {
  readonly name = 'prompt-injection';
  readonly directions = [Direction.Input] as const;

  async run(texts: string[], _context: CheckContext): Promise<Verdict[][]> {
    return texts.map((text) => {
      const spans: Span[] = [];
      let evidence = 0;
      for (const signal of SIGNALS) {
        const matches = [...text.matchAll(signal.pattern)];
        if (matches.length > 0) {
          evidence += signal.weight;
          spans.push(...matches.map((match) => ({ start: match.index, end: match.index + match[0].length })));
        }
      }
      if (evidence === 0) return [];
      return [
        {
          check: this.name,
          category: 'prompt-injection',
          score: Math.min(1, evidence),
          spans: spans.sort((a, b) => a.start - b.start),
        },
      ];
    });
  }
}
