import {
  LATIN_LOOKALIKES,
  SCRIPT_LOOKALIKES,
  SMALL_CAPITAL_LETTERS,
  SMALL_CAPITALS,
} from './lookalike-letters';
import { unitsToString } from './utf16';

/** A text with look-alike characters read as the Latin ones they imitate and invisible characters taken out. */
export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`, where its range in the original starts and ends. */
  starts: Int32Array;
  ends: Int32Array;
}

/** What a code point is to the fold; looked up per code point, so a byte each for the whole BMP. */
const enum Role {
  /** Anything the fold has no opinion on: punctuation, emoji, CJK, Arabic, … */
  Other,
  Space,
  /** ASCII letters and digits, and Latin letters without a plainer form (ß, æ, ø). */
  Latin,
  /** Always read as its target: fullwidth and mathematical forms, accented Latin letters, small capitals. */
  Compatibility,
  /** A Cyrillic or Greek letter drawn like a Latin one: read as Latin only among Latin letters. */
  LookAlike,
  /** Any other Cyrillic or Greek letter: its word is written in that script. */
  Foreign,
  /** Zero-width, joiners, bidirectional controls, soft hyphen, variation selectors, tags. */
  Invisible,
  /** A combining mark: dropped after a Latin letter (zalgo, `k̶i̶l̶l̶`), kept after any other. */
  Mark,
}

const ROLES = new Uint8Array(0x10000);
/** Index into TARGETS of what a Compatibility or LookAlike code point reads as. */
const TARGET_OF = new Uint16Array(0x10000);
const TARGETS: string[] = [''];
/** Role and target of the astral code points the fold knows (mathematical letters, tags): role << 16 | target. */
const ASTRAL = new Map<number, number>();

function assign(codePoint: number, role: Role, target = ''): void {
  let index = 0;
  if (target !== '') {
    index = TARGETS.indexOf(target);
    if (index < 0) index = TARGETS.push(target) - 1;
  }
  if (codePoint < 0x10000) {
    ROLES[codePoint] = role;
    TARGET_OF[codePoint] = index;
  } else ASTRAL.set(codePoint, (role << 16) | index);
}

function assignRange(first: number, last: number, role: Role): void {
  for (let codePoint = first; codePoint <= last; codePoint++) assign(codePoint, role);
}

const MARKS = /\p{M}/gu;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;
const ASCII_WORD = /^[A-Za-z0-9]{1,3}$/;
const ASCII_PRINTABLE = /^[\x21-\x7e]$/;
/** How NFKD writes the parenthesized and full-stop forms of enclosed letters and numbers: `(k)`, `(12)`, `1.`. */
const ENCLOSING_PUNCTUATION = /^\(|\)$|\.$/g;

/**
 * A letter or number NFKD writes as ASCII letters or digits once marks are dropped: `ｋ`, `𝐤`, `ⓚ`, `é`, `ﬁ`; for
 * an enclosed one, once the parentheses or full stop it is drawn with are dropped too: `⒦`, `🄚`, `⒈`.
 */
function compatibilityTarget(codePoint: number): string | null {
  const character = String.fromCodePoint(codePoint);
  const enclosed = isEnclosed(codePoint);
  if (!LETTER_OR_NUMBER.test(character) && !enclosed) return null;
  let decomposed = character.normalize('NFKD').replace(MARKS, '');
  if (enclosed) decomposed = decomposed.replace(ENCLOSING_PUNCTUATION, '');
  return decomposed !== character && ASCII_WORD.test(decomposed) ? decomposed : null;
}

/** Circled and squared letters are symbols to Unicode, letters to a reader; `™` and `℃` stay symbols. */
function isEnclosed(codePoint: number): boolean {
  return (codePoint >= 0x2460 && codePoint <= 0x24ff) || (codePoint >= 0x1f100 && codePoint <= 0x1f1ff);
}

/** Blocks where letters and numbers have Latin compatibility forms or accents, and the mathematical alphabets. */
const COMPATIBILITY_BLOCKS: Array<[number, number]> = [
  [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x1d00, 0x1dbf], // phonetic extensions: modifier (superscript) letters
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2070, 0x209f], // superscripts and subscripts
  [0x2100, 0x218f], // letterlike symbols (ℂ, ℍ, K), Roman numerals
  [0x2460, 0x24ff], // enclosed alphanumerics: ①, ⓐ, ⒜
  [0xfb00, 0xfb06], // Latin ligatures
  [0xff10, 0xff5a], // fullwidth digits and letters
  [0x1d400, 0x1d7ff], // mathematical alphanumeric symbols
  [0x1f100, 0x1f1ff], // enclosed alphanumeric supplement (🄰; not 🅰 or the regional indicators, which are emoji)
];

/**
 * Invisible characters, beside the combining marks: what an evader puts inside a word to split it for a
 * matcher and the tokenizer while a reader sees nothing.
 */
const INVISIBLE_RANGES: Array<[number, number]> = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul fillers
  [0x180b, 0x180f], // Mongolian variation selectors and vowel separator
  [0x200b, 0x200f], // zero-width space, non-joiner, joiner, direction marks
  [0x202a, 0x202e], // bidirectional embeddings and overrides
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x2069], // bidirectional isolates
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0xe0000, 0xe007f], // tags
  [0xe0100, 0xe01ef], // variation selectors supplement
];

const MARK_RANGES: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

const SPACES = [0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];

function buildTable(): void {
  for (let code = 0; code < 0x80; code++) {
    const character = String.fromCharCode(code);
    if (/\s/.test(character)) assign(code, Role.Space);
    else if (/[A-Za-z0-9]/.test(character)) assign(code, Role.Latin);
  }
  for (const [first, last] of COMPATIBILITY_BLOCKS) {
    for (let codePoint = first; codePoint <= last; codePoint++) {
      const target = compatibilityTarget(codePoint);
      if (target !== null) assign(codePoint, Role.Compatibility, target);
      else if (LATIN_LETTER.test(String.fromCodePoint(codePoint))) assign(codePoint, Role.Latin);
    }
  }
  // Fullwidth and small-form punctuation, so `ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ` is an address.
  for (let code = 0xff01; code <= 0xff5e; code++)
    assign(code, Role.Compatibility, String.fromCharCode(code - 0xfee0));
  for (let code = 0xfe50; code <= 0xfe6b; code++) {
    const decomposed = String.fromCharCode(code).normalize('NFKD');
    if (ASCII_PRINTABLE.test(decomposed)) assign(code, Role.Compatibility, decomposed);
  }
  [...SMALL_CAPITALS].forEach((capital, index) =>
    assign(capital.charCodeAt(0), Role.Compatibility, SMALL_CAPITAL_LETTERS[index]),
  );
  for (const [letter, target] of Object.entries(LATIN_LOOKALIKES))
    assign(letter.charCodeAt(0), Role.Compatibility, target);
  // Cyrillic, Cyrillic Supplement, Greek and Greek Extended: accented forms read through their base letter.
  for (const [first, last] of [
    [0x0370, 0x052f],
    [0x1f00, 0x1fff],
  ]) {
    for (let code = first; code <= last; code++) {
      const character = String.fromCharCode(code);
      if (!/^\p{L}$/u.test(character)) continue;
      const base = character.normalize('NFKD').replace(MARKS, '');
      const target = SCRIPT_LOOKALIKES[base];
      assign(code, target === undefined ? Role.Foreign : Role.LookAlike, target);
    }
  }
  for (const [first, last] of MARK_RANGES) assignRange(first, last, Role.Mark);
  for (const [first, last] of INVISIBLE_RANGES) assignRange(first, last, Role.Invisible);
  for (let code = 0x2000; code <= 0x200a; code++) assign(code, Role.Space);
  for (const code of SPACES) assign(code, Role.Space);
}
buildTable();

function roleOf(codePoint: number): Role {
  return codePoint < 0x10000 ? ROLES[codePoint] : (ASTRAL.get(codePoint) ?? 0) >> 16;
}

function targetOf(codePoint: number): string {
  return TARGETS[codePoint < 0x10000 ? TARGET_OF[codePoint] : (ASTRAL.get(codePoint) ?? 0) & 0xffff];
}

/** The text with its invisible characters (INVISIBLE_RANGES) taken out, and everything else as written. */
export function withoutInvisible(text: string): string {
  let result = '';
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    if (roleOf(codePoint) === Role.Invisible) {
      result += text.slice(copied, index);
      copied = index + width;
    }
    index += width - 1;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/** Whether any code point may fold: one scan over char codes, no allocation. */
function mayFold(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdbff) {
      const codePoint = text.codePointAt(index)!;
      if (codePoint > 0xffff) {
        if (ASTRAL.has(codePoint)) return true;
        index++;
      }
    } else {
      const role = ROLES[code];
      if (role !== Role.Other && role !== Role.Space && role !== Role.Latin && role !== Role.Foreign)
        return true;
    }
  }
  return false;
}

/** How the look-alikes of a word (a run without white space) read. */
const enum Word {
  /** Latin letters among them (`kіll`): look-alikes read as Latin. */
  Mixed,
  /** Only look-alikes (`ВОМВ`): Latin unless the text around is written in their script. */
  LookAlikesOnly,
  /** Written in Cyrillic or Greek (`сорок`, `привет`): left as written. */
  Foreign,
  /** No letters (numbers, punctuation, emoji): says nothing about the script around. */
  Neutral,
}

function classify(latin: boolean, lookAlike: boolean, foreign: boolean): Word {
  if (latin) return Word.Mixed;
  if (foreign) return Word.Foreign;
  return lookAlike ? Word.LookAlikesOnly : Word.Neutral;
}

/**
 * The text as an evader means it to be read: Cyrillic and Greek look-alikes inside Latin words (`kіll`, `ВОМВ` in
 * an English sentence) as the Latin letters they imitate, fullwidth, mathematical, circled and small-capital
 * letters and Latin look-alikes without a decomposition (`kıll`) as plain ones, accents and combining marks on Latin letters dropped, invisible characters next to a
 * letter taken out. Russian or Greek written as such stays, and so do emoji (with their joiners and variation
 * selectors) and every other script. Null when nothing folds: ordinary text costs one scan of its char codes.
 * Linear: two passes over the text, one over its words.
 */
export function foldText(text: string): FoldedText | null {
  if (!mayFold(text)) return null;
  const words = readWords(text);
  return emit(text, words);
}

interface Words {
  count: number;
  ends: Int32Array;
  /** Whether each word's look-alikes read as Latin. */
  folds: Uint8Array;
}

function readWords(text: string): Words {
  let ends = new Int32Array(64);
  let kinds = new Uint8Array(64);
  let count = 0;
  let latin = false;
  let lookAlike = false;
  let foreign = false;
  let inWord = false;
  const close = (end: number) => {
    if (count === ends.length) {
      const grownEnds = new Int32Array(count * 2);
      const grownKinds = new Uint8Array(count * 2);
      grownEnds.set(ends);
      grownKinds.set(kinds);
      ends = grownEnds;
      kinds = grownKinds;
    }
    ends[count] = end;
    kinds[count] = classify(latin, lookAlike, foreign);
    count++;
    latin = lookAlike = foreign = inWord = false;
  };
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index)!;
    const role = roleOf(codePoint);
    if (role === Role.Space) {
      if (inWord) close(index);
    } else {
      inWord = true;
      if (role === Role.Latin || role === Role.Compatibility) latin = true;
      else if (role === Role.LookAlike) lookAlike = true;
      else if (role === Role.Foreign) foreign = true;
    }
    index += codePoint > 0xffff ? 2 : 1;
  }
  if (inWord) close(text.length);
  // A word of look-alikes only folds unless the nearest word with letters on either side is Cyrillic or Greek.
  const folds = new Uint8Array(count);
  const foreignBefore = new Uint8Array(count);
  for (let word = 0, last = Word.Neutral as Word; word < count; word++) {
    foreignBefore[word] = last === Word.Foreign ? 1 : 0;
    if (kinds[word] !== Word.Neutral) last = kinds[word];
  }
  for (let word = count - 1, next = Word.Neutral as Word; word >= 0; word--) {
    const kind = kinds[word] as Word;
    folds[word] =
      kind === Word.Mixed || (kind === Word.LookAlikesOnly && !foreignBefore[word] && next !== Word.Foreign)
        ? 1
        : 0;
    if (kind !== Word.Neutral) next = kind;
  }
  return { count, ends, folds };
}

/** The folded text, built only from the first change on: a text where nothing folds allocates nothing more. */
class Output {
  units: Uint16Array | null = null;
  starts: Int32Array | null = null;
  ends: Int32Array | null = null;
  length = 0;
  loneSurrogate = false;

  constructor(private readonly original: string) {}

  /** Units of the original copied as they are, up to `end`, once the output exists. */
  keep(start: number, end: number): void {
    if (this.units === null) return;
    for (let index = start; index < end; index++) this.push(this.original.charCodeAt(index), start, end);
  }

  write(target: string, start: number, end: number): void {
    if (this.units === null) this.begin(start);
    for (let index = 0; index < target.length; index++) this.push(target.charCodeAt(index), start, end);
  }

  drop(start: number): void {
    if (this.units === null) this.begin(start);
  }

  result(): FoldedText | null {
    if (this.units === null) return null;
    const units = this.units.subarray(0, this.length);
    return {
      text: unitsToString(units, this.loneSurrogate),
      starts: this.starts!.subarray(0, this.length),
      ends: this.ends!.subarray(0, this.length),
    };
  }

  private begin(upTo: number): void {
    const capacity = this.original.length + 16;
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    for (let index = 0; index < upTo; index++) {
      this.units[index] = this.original.charCodeAt(index);
      this.starts[index] = index;
      this.ends[index] = index + 1;
    }
    // A surrogate pair copied above maps to both of its units.
    for (let index = 0; index + 1 < upTo; index++) {
      const code = this.units[index];
      if (code >= 0xd800 && code <= 0xdbff) {
        this.ends[index] = index + 2;
        this.starts[index + 1] = index;
        index++;
      }
    }
    this.length = upTo;
  }

  private push(unit: number, start: number, end: number): void {
    if (this.length === this.units!.length) {
      const units = new Uint16Array(this.length * 2);
      const starts = new Int32Array(this.length * 2);
      const ends = new Int32Array(this.length * 2);
      units.set(this.units!);
      starts.set(this.starts!);
      ends.set(this.ends!);
      this.units = units;
      this.starts = starts;
      this.ends = ends;
    }
    this.units![this.length] = unit;
    this.starts![this.length] = start;
    this.ends![this.length] = end;
    this.length++;
  }
}

function isWordRole(role: Role): boolean {
  return (
    role === Role.Latin || role === Role.Compatibility || role === Role.LookAlike || role === Role.Foreign
  );
}

function emit(text: string, words: Words): FoldedText | null {
  const output = new Output(text);
  let word = 0;
  /** What the last character written was: a letter or digit, and whether a Latin one. */
  let afterLetter = false;
  let afterLatin = false;
  for (let index = 0; index < text.length;) {
    while (word < words.count && words.ends[word] <= index) word++;
    const codePoint = text.codePointAt(index)!;
    const size = codePoint > 0xffff ? 2 : 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) output.loneSurrogate = true;
    const role = roleOf(codePoint);
    if (role === Role.Invisible || role === Role.Mark) {
      // A run of invisibles and marks is decided whole, so a long run costs one pass.
      let end = index;
      let marks = false;
      for (;;) {
        const next = text.codePointAt(end);
        if (next === undefined) break;
        const nextRole = roleOf(next);
        if (nextRole !== Role.Invisible && nextRole !== Role.Mark) break;
        marks ||= nextRole === Role.Mark;
        end += next > 0xffff ? 2 : 1;
      }
      const following = text.codePointAt(end);
      const beforeLetter = following !== undefined && isWordRole(roleOf(following));
      const dropped = marks ? afterLatin : afterLetter || beforeLetter;
      if (dropped) output.drop(index);
      else output.keep(index, end);
      index = end;
      continue;
    }
    if (role === Role.Compatibility || (role === Role.LookAlike && words.folds[word] === 1)) {
      const target = targetOf(codePoint);
      output.write(target, index, index + size);
      const last = target.charCodeAt(target.length - 1);
      afterLetter = afterLatin = roleOf(last) === Role.Latin;
    } else {
      output.keep(index, index + size);
      afterLetter = isWordRole(role);
      afterLatin = role === Role.Latin;
    }
    index += size;
  }
  return output.result();
}

/** The range of the original text a range of the folded text was read from. */
export function originalRange(
  folded: FoldedText,
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: folded.starts[start], end: folded.ends[end - 1] };
}
