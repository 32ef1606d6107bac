import { Injectable } from '@nestjs/common';
import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
} from 'obscenity';
import { Direction, Span, Verdict } from '../moderation.types';
import { Blocklist } from '../moderation.types';
import { CheckContext, ModerationCheck } from './moderation-check';

/** Terms of obscenity's English dataset that attack a group rather than merely offend. */
const SLURS = new Set([
  'abeed',
  'abo',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
  'chink',
  'dyke',
  'fag',
  'kike',
  'negro',
  'nigger',
  'retard',
  'spastic',
  'tranny',
]);

const profanityMatcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/**
 * Profanity and slurs through `obscenity` (its transformers undo leetspeak, repeated and spaced-out letters),
 * plus each application's own blocklist of words, phrases and patterns.
 */
@Injectable()
export class LexiconCheck implements ModerationCheck {
  readonly name = 'lexicon';
  readonly directions = [Direction.Input, Direction.Output] as const;
  private readonly blocklistMatchers = new Map<string, CompiledBlocklist>();

  async run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    const blocklist = this.compiled(context.blocklist);
    return texts.map((text) => [...this.lexicon(text), ...blocklist.match(text)]);
  }

  private lexicon(text: string): Verdict[] {
    const slurs: Span[] = [];
    const profanity: Span[] = [];
    for (const match of profanityMatcher.getAllMatches(text, true)) {
      const { phraseMetadata } = englishDataset.getPayloadWithPhraseMetadata(match);
      const span = { start: match.startIndex, end: match.endIndex + 1 };
      (SLURS.has(phraseMetadata?.originalWord ?? '') ? slurs : profanity).push(span);
    }
    const verdicts: Verdict[] = [];
    if (slurs.length > 0) verdicts.push({ check: this.name, category: 'hate', score: 1, spans: slurs });
    if (profanity.length > 0)
      verdicts.push({ check: this.name, category: 'profanity', score: 1, spans: profanity });
    return verdicts;
  }

  private compiled(blocklist: Blocklist): CompiledBlocklist {
    const key = JSON.stringify(blocklist);
    let compiled = this.blocklistMatchers.get(key);
    if (!compiled) {
      compiled = new CompiledBlocklist(blocklist);
      if (this.blocklistMatchers.size > 1000) this.blocklistMatchers.clear();
      this.blocklistMatchers.set(key, compiled);
    }
    return compiled;
  }
}

class CompiledBlocklist {
  private readonly words?: RegExpMatcher;
  private readonly phrases: RegExp[];
  private readonly patterns: RegExp[];

  constructor(blocklist: Blocklist) {
    const words = blocklist.words
      .map((word) => word.trim().toLowerCase())
      .filter((word) => /^[\p{L}\p{N}' -]+$/u.test(word));
    if (words.length > 0) {
      const dataset = new DataSet<{ word: string }>();
      for (const word of words) {
        dataset.addPhrase((phrase) =>
          phrase.setMetadata({ word }).addPattern(parseRawPattern(`|${escapePattern(word)}|`)),
        );
      }
      this.words = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
    }
    // Phrases match across any run of whitespace or punctuation between their words.
    this.phrases = blocklist.phrases
      .map((phrase) =>
        phrase
          .trim()
          .split(/[\s\p{P}]+/u)
          .filter(Boolean)
          .map(escapeRegExp),
      )
      .filter((parts) => parts.length > 0)
      .map(
        (parts) => new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[\\s\\p{P}]+')}(?![\\p{L}\\p{N}])`, 'giu'),
      );
    this.patterns = blocklist.patterns.map((source) => new RegExp(source, 'giu'));
  }

  match(text: string): Verdict[] {
    const spans: Span[] = [];
    for (const match of this.words?.getAllMatches(text, true) ?? []) {
      spans.push({ start: match.startIndex, end: match.endIndex + 1 });
    }
    for (const expression of [...this.phrases, ...this.patterns]) {
      for (const match of text.matchAll(expression)) {
        if (match[0].length > 0) spans.push({ start: match.index, end: match.index + match[0].length });
      }
    }
    return spans.length > 0
      ? [
          {
            check: 'blocklist',
            category: 'blocklist',
            score: 1,
            spans: spans.sort((a, b) => a.start - b.start),
          },
        ]
      : [];
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** obscenity's pattern syntax reserves [ ] ? | and backslash. */
function escapePattern(value: string): string {
  return value.replace(/[[\]?|\\]/g, '\\$&');
}
