import confusables from 'unhomoglyph/data.json';
import { SMALL_CAPITAL_LETTERS, SMALL_CAPITALS } from './lookalike-letters';
import { unitsToString } from './utf16';

/** A word of the normalized text and the range of the original text it was read from. */
export interface NormalizedWord {
  text: string;
  start: number;
  end: number;
}

/**
 * A text as an evader means it to be read: compatibility forms decomposed (NFKD, then marks dropped, which
 * subsumes NFKC for matching), default-ignorable code points stripped, confusables folded to their Latin
 * prototypes, lower-cased. Each character keeps the range of the original it came from, so matches map back.
 */
export interface NormalizedText {
  /**
   * Words split at every character that is not a letter or digit: `www.attack.com` -> www, attack, com.
   * Built on first read: only blocklists need them.
   */
  readonly segments: NormalizedWord[];
  /** Words with letter spacing (`b a n a n a`) and punctuation inside words (`f.u.c.k`, `fu*ck`) joined. */
  words: Array<NormalizedWord & { offset: number }>;
  /** `words` joined by single spaces, for matchers that read strings (profanity, policy patterns). */
  text: string;
  /** For each UTF-16 unit of `text`, where its original range starts and ends. */
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Stripped characters (ignorables, marks) inside a word the stream holdback allows for. A longer run (zalgo text,
 * a row of zero-width spaces) still belongs to the word: breaking it there let evaders split any entry.
 */
const MAX_ABSORBED = 3;
/** Punctuation between two pieces of a word: at most this many UTF-16 units, none of them white space. */
const MAX_JOIN_GAP = 3;
/** A piece this short on either side of punctuation is read as part of one word: f.u.c.k, sh.it, bit*ch. */
const SHORT_PIECE = 2;
/** Single letters spaced out (`b a n a n a`) are one word from this many on. */
const MIN_SPACED_LETTERS = 3;

/**
 * The most original UTF-16 units one normalized character can stand for: a surrogate pair, the stripped
 * characters allowed inside a word and the punctuation allowed between its pieces.
 */
export const MAX_RAW_UNITS_PER_CHAR = 2 + MAX_ABSORBED + MAX_JOIN_GAP;

const CONFUSABLES = confusables as Record<string, string>;
/** Letter look-alikes neither NFKD nor the confusables table folds: small capitals, regional indicators. */
const UNFOLDED_LOOKALIKES: Record<string, string> = {
  ...Object.fromEntries(
    [...SMALL_CAPITALS].map((smallCapital, index) => [smallCapital, SMALL_CAPITAL_LETTERS[index]]),
  ),
  ...Object.fromEntries(
    Array.from({ length: 26 }, (_, index) => [
      String.fromCodePoint(0x1f1e6 + index),
      String.fromCharCode(0x61 + index),
    ]),
  ),
};
const STRIPPED = /^[\p{Default_Ignorable_Code_Point}\p{M}]$/u;
const MARKS = /\p{M}/gu;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const PUNCTUATION = /^\p{P}$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /^\s$/u;
const folded = new Map<string, string>();

/**
 * The Latin prototype the confusables table gives a character, unless that would make punctuation a letter: the
 * table reads the em dash and the horizontal bar as the katakana prolonged sound mark (a letter), which joined the
 * words around them into one (`coffee—please`), hiding every blocklist entry next to a dash.
 */
function confusableOf(piece: string, lower: string): string | undefined {
  const target = CONFUSABLES[lower] ?? CONFUSABLES[piece];
  return target !== undefined && PUNCTUATION.test(piece) && LETTER_OR_DIGIT.test(target) ? undefined : target;
}

/** One code point as the matchers read it; '' for what evaders insert to break words. */
export function foldCodePoint(codePoint: string): string {
  const code = codePoint.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : codePoint;
  let result = folded.get(codePoint);
  if (result === undefined) {
    if (STRIPPED.test(codePoint)) result = '';
    else {
      result = '';
      for (const piece of codePoint.normalize('NFKD').replace(MARKS, '')) {
        const lower = piece.toLowerCase();
        // Only non-ASCII characters fold: in ASCII, confusables would merge l, I and 1 or read m as rn.
        result +=
          lower.charCodeAt(0) < 0x80
            ? lower
            : (UNFOLDED_LOOKALIKES[piece] ?? confusableOf(piece, lower) ?? lower);
      }
      result = result.toLowerCase();
    }
    folded.set(codePoint, result);
  }
  return result;
}

/** Per BMP code point: 0 not yet known, 1 a letter or digit, 2 white space, 3 anything else. */
const BMP_CLASSES = new Uint8Array(0x10000);
const ASTRAL_CLASSES = new Map<number, number>();
const enum CharacterClass {
  Word = 1,
  Space = 2,
  Other = 3,
}

function classify(character: string): CharacterClass {
  const code = character.charCodeAt(0);
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return CharacterClass.Word;
  } else if (WORD_CHARACTER.test(character)) return CharacterClass.Word;
  return SPACE.test(character) ? CharacterClass.Space : CharacterClass.Other;
}

function classOf(codePoint: number): CharacterClass {
  if (codePoint < 0x10000) {
    let known = BMP_CLASSES[codePoint];
    if (known === 0) known = BMP_CLASSES[codePoint] = classify(String.fromCharCode(codePoint));
    return known;
  }
  let known = ASTRAL_CLASSES.get(codePoint);
  if (known === undefined) {
    known = classify(String.fromCodePoint(codePoint));
    ASTRAL_CLASSES.set(codePoint, known);
  }
  return known;
}

/** Letters and digits after folding, each with its original range, cut into segments at everything else. */
class Segments {
  /** The folded word characters of every segment, back to back; set once the text has been read. */
  folded = '';
  /** `folded` as UTF-16 units. */
  private units: Uint16Array;
  private written = 0;
  starts: Int32Array;
  ends: Int32Array;
  /** Per segment: where it begins in `folded`, and what separates it from the segment before. */
  readonly from: number[] = [];
  readonly gapUnits: number[] = [];
  readonly gapHasSpace: boolean[] = [];

  constructor(capacity: number) {
    this.units = new Uint16Array(Math.max(16, capacity));
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  get count(): number {
    return this.from.length;
  }

  to(index: number): number {
    return index + 1 < this.from.length ? this.from[index + 1] : this.folded.length;
  }

  text(index: number): string {
    return this.folded.slice(this.from[index], this.to(index));
  }

  length(index: number): number {
    return this.to(index) - this.from[index];
  }

  open(gapUnits: number, gapHasSpace: boolean): void {
    this.from.push(this.written);
    this.gapUnits.push(gapUnits);
    this.gapHasSpace.push(gapHasSpace);
  }

  /**
   * One folded code point (two units if astral) from the original range [start, end), recorded at each of its
   * units: a word or match may end on either.
   */
  append(codePoint: number, start: number, end: number): void {
    const at = this.written;
    if (at + 2 > this.units.length) this.grow();
    this.starts[at] = start;
    this.ends[at] = end;
    if (codePoint > 0xffff) {
      this.units[at] = 0xd800 + ((codePoint - 0x10000) >> 10);
      this.units[at + 1] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
      this.starts[at + 1] = start;
      this.ends[at + 1] = end;
      this.written += 2;
    } else {
      this.units[at] = codePoint;
      this.written++;
    }
  }

  /** Ends the writing: `folded` holds the units as a string. */
  finish(): void {
    // Folded word characters are letters and digits, whole code points: never a lone surrogate.
    this.folded = unitsToString(this.units.subarray(0, this.written));
  }

  unit(index: number): number {
    return this.units[index];
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }
}

/**
 * Linear in the text: one pass to fold and segment, one to join, one to lay out over char codes into flat
 * arrays; each word's text is a slice of the one decoded string.
 */
export function normalizeText(original: string): NormalizedText {
  const pieces = segment(original);
  const [firstOf, lastOf] = join(pieces);
  let length = Math.max(0, firstOf.length - 1);
  for (let word = 0; word < firstOf.length; word++)
    length += pieces.to(lastOf[word]) - pieces.from[firstOf[word]];
  const units = new Uint16Array(length);
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const wordStarts = new Int32Array(firstOf.length);
  let offset = 0;
  for (let word = 0; word < firstOf.length; word++) {
    if (word > 0) {
      // The space stands for the gap between the two words.
      starts[offset] = ends[offset - 1];
      ends[offset] = pieces.starts[pieces.from[firstOf[word]]];
      units[offset] = 0x20;
      offset++;
    }
    wordStarts[word] = offset;
    const from = pieces.from[firstOf[word]];
    const to = pieces.to(lastOf[word]);
    // A word's pieces are consecutive in the folded units.
    for (let at = from; at < to; at++, offset++) {
      units[offset] = pieces.unit(at);
      starts[offset] = pieces.starts[at];
      ends[offset] = pieces.ends[at];
    }
  }
  const text = unitsToString(units);
  const words: NormalizedText['words'] = new Array(firstOf.length);
  for (let word = 0; word < firstOf.length; word++) {
    const wordStart = wordStarts[word];
    const wordEnd = word + 1 < firstOf.length ? wordStarts[word + 1] - 1 : length;
    words[word] = {
      text: text.slice(wordStart, wordEnd),
      start: starts[wordStart],
      end: ends[wordEnd - 1],
      offset: wordStart,
    };
  }
  let segments: NormalizedWord[] | undefined;
  return {
    get segments() {
      segments ??= pieces.from.map((from, index) => ({
        text: pieces.text(index),
        start: pieces.starts[from],
        end: pieces.ends[pieces.to(index) - 1],
      }));
      return segments;
    },
    words,
    text,
    starts,
    ends,
  };
}

const foldedByCodePoint = new Map<number, string>();

function foldByCodePoint(codePoint: number): string {
  let folding = foldedByCodePoint.get(codePoint);
  if (folding === undefined) {
    folding = foldCodePoint(String.fromCodePoint(codePoint));
    foldedByCodePoint.set(codePoint, folding);
  }
  return folding;
}

/** One pass over char codes: ASCII costs a table look-up, other code points a cached fold. */
function segment(original: string): Segments {
  const pieces = new Segments(original.length);
  let inSegment = false;
  let gapUnits = 0;
  let gapHasSpace = false;
  const add = (codePoint: number, start: number, end: number) => {
    const characterClass = classOf(codePoint);
    if (characterClass === CharacterClass.Word) {
      if (!inSegment) {
        pieces.open(gapUnits, gapHasSpace);
        inSegment = true;
        gapUnits = 0;
        gapHasSpace = false;
      }
      pieces.append(codePoint, start, end);
    } else {
      inSegment = false;
      gapUnits += codePoint > 0xffff ? 2 : 1;
      gapHasSpace ||= characterClass === CharacterClass.Space;
    }
  };
  for (let index = 0; index < original.length;) {
    const code = original.charCodeAt(index);
    if (code < 0x80) {
      // Most text is ASCII: no decomposition, no confusable, only case to fold.
      add(code >= 0x41 && code <= 0x5a ? code + 32 : code, index, index + 1);
      index++;
      continue;
    }
    const codePoint = original.codePointAt(index)!;
    const end = index + (codePoint > 0xffff ? 2 : 1);
    const folding = foldByCodePoint(codePoint);
    if (folding === '') {
      if (!inSegment) gapUnits += end - index;
    } else {
      for (let at = 0; at < folding.length;) {
        const folded = folding.codePointAt(at)!;
        add(folded, index, end);
        at += folded > 0xffff ? 2 : 1;
      }
    }
    index = end;
  }
  pieces.finish();
  return pieces;
}

/** Which consecutive segments read as one word: the first and last segment of each word. */
function join(pieces: Segments): [number[], number[]] {
  const count = pieces.count;
  // Runs of single letters, each gap short, read as one spelled-out word.
  const spelled = new Uint8Array(count);
  for (let first = 0; first < count;) {
    let last = first;
    while (
      pieces.length(last) === 1 &&
      last + 1 < count &&
      pieces.length(last + 1) === 1 &&
      pieces.gapUnits[last + 1] <= MAX_JOIN_GAP
    )
      last++;
    if (pieces.length(first) === 1 && last - first + 1 >= MIN_SPACED_LETTERS)
      spelled.fill(1, first + 1, last + 1);
    first = last + 1;
  }
  const firstOf: number[] = [];
  const lastOf: number[] = [];
  for (let index = 0; index < count; index++) {
    const joins =
      index > 0 &&
      (spelled[index] === 1 ||
        (!pieces.gapHasSpace[index] &&
          pieces.gapUnits[index] <= MAX_JOIN_GAP &&
          (pieces.length(index) <= SHORT_PIECE || pieces.length(index - 1) <= SHORT_PIECE)));
    if (joins) lastOf[lastOf.length - 1] = index;
    else {
      firstOf.push(index);
      lastOf.push(index);
    }
  }
  return [firstOf, lastOf];
}
