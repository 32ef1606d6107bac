import confusables from 'unhomoglyph/data.json';

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
  /** Words split at every character that is not a letter or digit: `www.attack.com` -> www, attack, com. */
  segments: NormalizedWord[];
  /** Words with letter spacing (`b a n a n a`) and punctuation inside words (`f.u.c.k`, `fu*ck`) joined. */
  words: NormalizedWord[];
  /** `words` joined by single spaces, for matchers that read strings (profanity, policy patterns). */
  text: string;
  /** For each UTF-16 unit of `text`, where its original range starts and ends. */
  starts: Int32Array;
  ends: Int32Array;
}

/** At most this many stripped characters (ignorables, marks) sit inside a word; more break it. */
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
const STRIPPED = /^[\p{Default_Ignorable_Code_Point}\p{M}]$/u;
const MARKS = /\p{M}/gu;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const folded = new Map<string, string>();

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
        result += lower.charCodeAt(0) < 0x80 ? lower : (CONFUSABLES[lower] ?? CONFUSABLES[piece] ?? lower);
      }
      result = result.toLowerCase();
    }
    folded.set(codePoint, result);
  }
  return result;
}

function isWordCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return WORD_CHARACTER.test(character);
}

interface Segment {
  text: string;
  starts: number[];
  ends: number[];
  /** What separates this segment from the one before it. */
  gapUnits: number;
  gapHasSpace: boolean;
}

/** Linear in the text: one pass to fold and segment, one to join. */
export function normalizeText(original: string): NormalizedText {
  const segments = segment(original);
  const joined = join(segments);
  const length = joined.reduce((sum, word) => sum + word.text.length, 0) + Math.max(0, joined.length - 1);
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let text = '';
  const words: NormalizedWord[] = [];
  for (const word of joined) {
    if (text.length > 0) {
      // The space stands for the gap between the two words.
      starts[text.length] = ends[text.length - 1];
      ends[text.length] = word.starts[0];
      text += ' ';
    }
    starts.set(word.starts, text.length);
    ends.set(word.ends, text.length);
    text += word.text;
    words.push({ text: word.text, start: word.starts[0], end: word.ends[word.ends.length - 1] });
  }
  return {
    segments: segments.map((piece) => ({
      text: piece.text,
      start: piece.starts[0],
      end: piece.ends[piece.ends.length - 1],
    })),
    words,
    text,
    starts,
    ends,
  };
}

function segment(original: string): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let gapUnits = 0;
  let gapHasSpace = false;
  let absorbed = 0;
  for (let index = 0; index < original.length;) {
    const codePoint = String.fromCodePoint(original.codePointAt(index)!);
    const end = index + codePoint.length;
    const folding = foldCodePoint(codePoint);
    if (folding === '') {
      absorbed += codePoint.length;
      if (current && absorbed > MAX_ABSORBED) {
        current = undefined;
        gapUnits = absorbed;
      } else if (!current) gapUnits += codePoint.length;
    } else {
      for (const character of folding) {
        if (isWordCharacter(character)) {
          if (!current) {
            current = { text: '', starts: [], ends: [], gapUnits, gapHasSpace };
            segments.push(current);
            gapUnits = 0;
            gapHasSpace = false;
          }
          current.text += character;
          current.starts.push(index);
          current.ends.push(end);
        } else {
          current = undefined;
          gapUnits += character.length;
          gapHasSpace ||= SPACE.test(character);
        }
      }
      absorbed = 0;
    }
    index = end;
  }
  return segments;
}

function join(segments: Segment[]): Segment[] {
  // Runs of single letters, each gap short, read as one spelled-out word.
  const spelled = new Uint8Array(segments.length);
  for (let first = 0; first < segments.length;) {
    let last = first;
    while (
      segments[last].text.length === 1 &&
      last + 1 < segments.length &&
      segments[last + 1].text.length === 1 &&
      segments[last + 1].gapUnits <= MAX_JOIN_GAP
    )
      last++;
    if (segments[first].text.length === 1 && last - first + 1 >= MIN_SPACED_LETTERS)
      spelled.fill(1, first + 1, last + 1);
    first = last + 1;
  }
  const words: Segment[] = [];
  segments.forEach((piece, index) => {
    const previous = words[words.length - 1];
    const joins =
      previous !== undefined &&
      (spelled[index] === 1 ||
        (!piece.gapHasSpace &&
          piece.gapUnits <= MAX_JOIN_GAP &&
          (piece.text.length <= SHORT_PIECE || segments[index - 1].text.length <= SHORT_PIECE)));
    if (joins) {
      previous.text += piece.text;
      for (const start of piece.starts) previous.starts.push(start);
      for (const end of piece.ends) previous.ends.push(end);
    } else words.push({ ...piece, starts: [...piece.starts], ends: [...piece.ends] });
  });
  return words;
}

/** The original range behind `text.slice(start, end)` of a normalized text. */
export function originalRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  return [normalized.starts[start], normalized.ends[end - 1]];
}
