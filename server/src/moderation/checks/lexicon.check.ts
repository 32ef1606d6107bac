import { Injectable } from '@nestjs/common';
import { englishDataset, englishRecommendedTransformers } from 'obscenity';
import { RE2JS } from 're2js';
import { Blocklist, Direction, Span, Verdict } from '../moderation.types';
import { patternMatchBound } from '../pattern-bound';
import { undoLeetspeak } from '../text/deobfuscated-text';
import { encodedPayloads } from '../text/encoded-text';
import { decodeEscapes } from '../text/escaped-text';
import { foldText, originalRange } from '../text/folded-text';
import { MAX_RAW_UNITS_PER_CHAR, NormalizedText, normalizeText } from '../text/normalized-text';
import { joinedPayloads } from '../text/split-payload';
import { slurSense } from '../text/slurs';
import { undoubledLetters } from '../text/stretched-text';
import { PhraseMatcher } from '../text/phrase-matcher';
import { joinedFragments } from '../text/split-words';
import { compilePolicyPattern, patternMatches, policyPatternError } from '../text/policy-pattern';
import { CheckContext, ModerationCheck } from './moderation-check';
import { ProfanityMatcher } from './profanity-matcher';
import { runRuleCheck } from './rule-check-thread';

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

const profanityMatcher = new ProfanityMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});
const LETTER = /\p{L}/u;
/** Compiled blocklists by content; policies change rarely, texts often. */
const compiledBlocklists = new Map<string, CompiledBlocklist>();
/**
 * The same, by the blocklist object: a resolved policy is cached and reused across requests, so this finds it
 * without serializing the blocklist for every text checked.
 */
const compiledBlocklistObjects = new WeakMap<Blocklist, CompiledBlocklist>();
/** `longestBlocklistMatch` by blocklist object. */
const longestMatches = new WeakMap<Blocklist, number>();

/**
 * Profanity and slurs through `obscenity` (its transformers undo leetspeak and repeated letters), plus each
 * application's own blocklist of words, phrases and patterns. Both read the text as given and normalized
 * (see NormalizedText), so spacing, punctuation, invisible characters and look-alike letters do not hide a
 * word; spans always point into the text as given.
 */
@Injectable()
export class LexiconCheck implements ModerationCheck {
  readonly name = 'lexicon';
  readonly directions = [Direction.Input, Direction.Output] as const;
  readonly readsAcrossTexts = true;
  readonly categories = ['hate', 'profanity', 'blocklist'] as const;

  run(texts: string[], context: CheckContext): Promise<Verdict[][]> {
    return runRuleCheck(this.name, texts, context.blocklist, lexiconVerdicts);
  }
}

export function lexiconVerdicts(text: string, blocklist: Blocklist): Verdict[] {
  const verdicts = readingVerdicts(text, blocklist);
  // Character escapes written as text (`c&#111;ffee`, `c%6Fffee`) are read decoded too, once; spans map back.
  const decoded = decodeEscapes(text);
  if (decoded) {
    for (const verdict of readingVerdicts(decoded.text, blocklist))
      verdicts.push({
        ...verdict,
        spans: verdict.spans?.map((span) => originalRange(decoded, span.start, span.end)),
      });
  }
  // So are messages encoded in base64 ("decode this: Y29mZmVl"), each on its own; spans cover the encoded run.
  for (const payload of encodedPayloads(decoded?.text ?? text)) {
    const run = decoded ? originalRange(decoded, payload.span.start, payload.span.end) : payload.span;
    for (const verdict of readingVerdicts(payload.text, blocklist))
      verdicts.push({ ...verdict, spans: verdict.spans && [run] });
  }
  // And strings joined by name ('a = "cof"; b = "fee"; a + b') and a text whose every letter is typed twice
  // ("ccooffffeeee", read once), with spans covering the whole text.
  const undoubled = undoubledLetters(decoded?.text ?? text);
  for (const reading of [...joinedPayloads(decoded?.text ?? text), ...(undoubled ? [undoubled] : [])]) {
    for (const verdict of readingVerdicts(reading, blocklist))
      verdicts.push({ ...verdict, spans: verdict.spans && [{ start: 0, end: text.length }] });
  }
  return verdicts.length > 1 ? mergeVerdicts(verdicts) : verdicts;
}

/** Every lexicon verdict on one reading of a text, unmerged. */
function readingVerdicts(text: string, blocklist: Blocklist): Verdict[] {
  const normalized = normalizeText(text);
  const verdicts = [
    ...builtInLexicon(text, normalized),
    ...compiledBlocklist(blocklist).match(text, normalized),
    ...splitWordVerdicts(text, normalized, blocklist),
  ];
  // Letter substitutes (`c0ff33`) are read as letters in a second pass; offsets are the same in both texts.
  const unleeted = undoLeetspeak(text);
  if (unleeted !== text) verdicts.push(...lexiconWords(unleeted, blocklist));
  // Substitutes among look-alikes or invisible characters (`ｃ０ｆｆ３３`, `c0\u200bff33`) only read as letters once
  // folded; spans map back through the fold.
  const folded = foldText(text);
  const unleetedFolded = folded && undoLeetspeak(folded.text);
  if (folded && unleetedFolded !== folded.text) {
    for (const verdict of lexiconWords(unleetedFolded!, blocklist))
      verdicts.push({
        ...verdict,
        spans: verdict.spans?.map((span) => originalRange(folded, span.start, span.end)),
      });
  }
  return verdicts;
}

/** The built-in lexicon and the blocklist's words and phrases on one reading of a text. */
function lexiconWords(reading: string, blocklist: Blocklist): Verdict[] {
  const normalized = normalizeText(reading);
  return [...builtInLexicon(reading, normalized), ...compiledBlocklist(blocklist).match(reading, normalized)];
}

/** One verdict per check and category, with the spans of all. */
function mergeVerdicts(verdicts: Verdict[]): Verdict[] {
  const merged = new Map<string, Verdict>();
  for (const verdict of verdicts) {
    const key = `${verdict.check}:${verdict.category}`;
    const known = merged.get(key);
    if (!known) merged.set(key, { ...verdict, spans: [...(verdict.spans ?? [])] });
    else known.spans = distinct([...(known.spans ?? []), ...(verdict.spans ?? [])]);
  }
  return [...merged.values()];
}

/**
 * The most original characters a blocklist match can span, for a stream's holdback: every entry also matches on
 * the normalized text, where one character may stand for MAX_RAW_UNITS_PER_CHAR original units. Policies refuse
 * unbounded patterns, so this is always finite.
 */
export function longestBlocklistMatch(blocklist: Blocklist): number {
  // Every stream's and completion's output guard asks; a resolved policy's blocklist is one object reused across
  // requests, so each is measured once per process instead of normalizing every entry per request.
  let longest = longestMatches.get(blocklist);
  if (longest === undefined) {
    longest = measureLongestMatch(blocklist);
    longestMatches.set(blocklist, longest);
  }
  return longest;
}

function measureLongestMatch(blocklist: Blocklist): number {
  // Read from the sources, not the compiled blocklist: a stored pattern RE2 refuses must fail the check (and
  // be reported as such), not the sizing of the stream around it.
  const longest = Math.max(
    0,
    ...[...blocklist.words, ...blocklist.phrases].map((entry) =>
      Math.max(entry.length, normalizeText(entry).text.length),
    ),
    ...blocklist.patterns.map(patternMatchBound),
  );
  return longest * MAX_RAW_UNITS_PER_CHAR;
}

function builtInLexicon(text: string, normalized: NormalizedText): Verdict[] {
  const slurs: Span[] = [];
  const profanity: Span[] = [];
  const collect = (source: string, toOriginal: (start: number, end: number) => Span) => {
    for (const match of profanityMatcher.getAllMatches(source, true)) {
      const { phraseMetadata } = englishDataset.getPayloadWithPhraseMetadata(match);
      const start = match.startIndex;
      const end = match.endIndex + 1;
      if (SLURS.has(phraseMetadata?.originalWord ?? '')) {
        if (!isWholeWord(source, start, end)) continue;
        const span = toOriginal(start, end);
        // A slur word counts as hate where it is said of people; talked about, reclaimed, or with no frame to tell
        // (`retard.` alone), it is profanity; in its other sense (`a dyke against the sea`, `smoked a fag`) or as a
        // group's own name (`queer people`) nothing.
        const sense = slurSense(text, span.start, span.end, source.slice(start, end));
        if (sense === 'slur') slurs.push(span);
        else if (sense !== 'other-sense' && sense !== 'identity') profanity.push(span);
      } else profanity.push(toOriginal(start, end));
    }
  };
  collect(text, (start, end) => ({ start, end }));
  // Only words the normalization changed can hide what the first pass missed; the rest read the same.
  let changed = '';
  const at: number[] = [];
  for (const word of normalized.words) {
    if (word.text === text.slice(word.start, word.end).toLowerCase()) continue;
    if (changed.length > 0) {
      changed += ' ';
      at.push(-1);
    }
    changed += word.text;
    for (let index = 0; index < word.text.length; index++) at.push(word.offset + index);
  }
  if (changed.length > 0) {
    // A match never starts or ends on the space between two words: obscenity reads letters.
    collect(changed, (start, end) => ({
      start: normalized.starts[at[start] < 0 ? at[start + 1] : at[start]],
      end: normalized.ends[at[end - 1] < 0 ? at[end - 2] : at[end - 1]],
    }));
  }
  const verdicts: Verdict[] = [];
  if (slurs.length > 0)
    verdicts.push({ check: 'lexicon', category: 'hate', score: 1, spans: distinct(slurs) });
  if (profanity.length > 0)
    verdicts.push({ check: 'lexicon', category: 'profanity', score: 1, spans: distinct(profanity) });
  return verdicts;
}

/**
 * Words split with spaces (`fu ck`, `ki ll`, `co ff ee`): the joins of adjacent fragments, each read by the
 * profanity matcher and the blocklist's phrase matcher in one pass over all of them, kept where a whole join is a
 * word of either. Spans cover the fragments in the text as given.
 */
function splitWordVerdicts(text: string, normalized: NormalizedText, blocklist: Blocklist): Verdict[] {
  const joins = joinedFragments(text, normalized);
  if (joins.length === 0) return [];
  const joinAt = new Map<number, number>();
  let joined = '';
  joins.forEach((join, index) => {
    if (index > 0) joined += ' ';
    joinAt.set(joined.length, index);
    joined += join.word;
  });
  const wholeJoin = (start: number, end: number): Span | undefined => {
    const index = joinAt.get(start);
    if (index === undefined || start + joins[index].word.length !== end) return undefined;
    return { start: joins[index].start, end: joins[index].end };
  };
  const byCategory = new Map<'hate' | 'profanity' | 'blocklist', Span[]>();
  const add = (key: 'hate' | 'profanity' | 'blocklist', span: Span | undefined) => {
    if (span) byCategory.set(key, [...(byCategory.get(key) ?? []), span]);
  };
  for (const match of profanityMatcher.getAllMatches(joined, true)) {
    const { phraseMetadata } = englishDataset.getPayloadWithPhraseMetadata(match);
    add(
      SLURS.has(phraseMetadata?.originalWord ?? '') ? 'hate' : 'profanity',
      wholeJoin(match.startIndex, match.endIndex + 1),
    );
  }
  const words = compiledBlocklist(blocklist).words;
  if (!words.empty)
    for (const span of words.match(normalizeText(joined))) add('blocklist', wholeJoin(span.start, span.end));
  return [...byCategory.entries()].map(([category, spans]) => ({
    check: category === 'blocklist' ? 'blocklist' : 'lexicon',
    category,
    score: 1,
    spans: distinct(spans),
  }));
}

/** What may follow a slur inside its word: inflections, and the rest of the long form behind a short entry. */
const SLUR_ENDINGS = new Set(['', 's', 'es', 'ed', 'got', 'gots', 'ot', 'ots']);

/** A slur starts a word and ends it but for an inflection: "ranggers", "retardant" and "Fagus" hold none. */
function isWholeWord(source: string, start: number, end: number): boolean {
  if (start > 0 && LETTER.test(source[start - 1])) return false;
  let rest = '';
  for (let index = end; index < source.length && rest.length < 5 && LETTER.test(source[index]); index++)
    rest += source[index].toLowerCase();
  return SLUR_ENDINGS.has(rest);
}

function compiledBlocklist(blocklist: Blocklist): CompiledBlocklist {
  const known = compiledBlocklistObjects.get(blocklist);
  if (known) return known;
  const compiled = compiledBlocklistByContent(blocklist);
  compiledBlocklistObjects.set(blocklist, compiled);
  return compiled;
}

function compiledBlocklistByContent(blocklist: Blocklist): CompiledBlocklist {
  const key = JSON.stringify(blocklist);
  let compiled = compiledBlocklists.get(key);
  if (!compiled) {
    compiled = new CompiledBlocklist(blocklist);
    if (compiledBlocklists.size > 1000) compiledBlocklists.clear();
    compiledBlocklists.set(key, compiled);
  }
  return compiled;
}

class CompiledBlocklist {
  readonly words: PhraseMatcher;
  private readonly patterns: RE2JS[];

  constructor(blocklist: Blocklist) {
    this.words = new PhraseMatcher([...blocklist.words, ...blocklist.phrases]);
    // Policies saved before patterns ran on RE2 may hold one it refuses: fail loudly, never skip a filter.
    this.patterns = blocklist.patterns.map((source) => {
      const error = policyPatternError(source);
      if (error)
        throw new Error(`blocklist pattern ${JSON.stringify(source)} needs rewriting for RE2: ${error}`);
      return compilePolicyPattern(source);
    });
  }

  match(text: string, normalized: NormalizedText): Verdict[] {
    const spans = this.words.match(normalized);
    for (const pattern of this.patterns) {
      for (const [start, end] of patternMatches(pattern, text)) spans.push({ start, end });
      for (const [start, end] of patternMatches(pattern, normalized.text))
        spans.push({ start: normalized.starts[start], end: normalized.ends[end - 1] });
    }
    return spans.length > 0
      ? [{ check: 'blocklist', category: 'blocklist', score: 1, spans: distinct(spans) }]
      : [];
  }
}

/** Spans in text order, each once. */
function distinct(spans: Span[]): Span[] {
  const sorted = spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter(
    (span, index) =>
      index === 0 || span.start !== sorted[index - 1].start || span.end !== sorted[index - 1].end,
  );
}
