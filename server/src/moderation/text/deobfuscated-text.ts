import { normalizeText } from './normalized-text';

/** Digits and symbols evaders write for letters: `k1ll`, `mys3lf`, `m@ke`, `b!tch`. */
const LEET_LETTERS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

const enum Kind {
  Space,
  Letter,
  Leet,
  /** A digit no one writes for a letter (2, 6, 9): the token is a number, a version or a hash, not a word. */
  OtherDigit,
  Other,
}

/** The kind of every ASCII character, looked up per character of every text checked. */
const ASCII_KINDS = Uint8Array.from({ length: 0x80 }, (_, code) => {
  const character = String.fromCharCode(code);
  if (/\s/.test(character)) return Kind.Space;
  if (/[A-Za-z]/.test(character)) return Kind.Letter;
  if (LEET_LETTERS[character] !== undefined) return Kind.Leet;
  if (/[0-9]/.test(character)) return Kind.OtherDigit;
  return Kind.Other;
});

function kindOf(code: number): Kind {
  return code < 0x80 ? ASCII_KINDS[code] : Kind.Other;
}

const SYMBOLS = /[@$!|]/;
const OPENING = new Set([...'("\'\u2018\u201c[{<']);
const CLOSING = new Set([...')"\'\u2019\u201d]}>?,;:.!']);
const WORD_CHARACTERS = /^[A-Za-z0-9@$!|.\-_*'\u2019]*$/;
/** A hash (a short git id is 7 digits); shorter runs of a-f and digits may be words (`c0ff33`, `d34d`). */
const HEXADECIMAL = /^[0-9A-Fa-f]{7,}$/;

/**
 * The text with letter substitutes read as letters, character for character (so every offset still points into
 * the text as given). Only inside a token (a run without white space) where a substitute stands between letters
 * and no other digit occurs: `h0w`, `k1ll`, `b.0.m.b` read as words, while `1.5mg`, `v1.2.3`, `4th`, `mp3`,
 * `COVID-19`, `3.14`, hashes, paths and code stay as they are. A symbol (`m@ke`) reads as a letter only between
 * letters.
 */
export function undoLeetspeak(text: string): string {
  let result: string[] | null = null;
  for (let start = 0; start < text.length;) {
    while (start < text.length && kindOf(text.charCodeAt(start)) === Kind.Space) start++;
    let end = start;
    let letterSeen = false;
    let leetAfterLetter = false;
    let foldable = false;
    let otherDigit = false;
    let lastLetter = -1;
    for (; end < text.length; end++) {
      const kind = kindOf(text.charCodeAt(end));
      if (kind === Kind.Space) break;
      if (kind === Kind.Letter) {
        if (leetAfterLetter) foldable = true;
        letterSeen = true;
        lastLetter = end;
      } else if (kind === Kind.Leet) {
        if (letterSeen) leetAfterLetter = true;
      } else if (kind === Kind.OtherDigit) otherDigit = true;
    }
    if (foldable && !otherDigit && isWordLike(text.slice(start, end))) {
      result ??= [...text.slice(0, start)];
      let firstLetter = start;
      while (kindOf(text.charCodeAt(firstLetter)) !== Kind.Letter) firstLetter++;
      for (let index = start; index < end; index++) {
        const character = text[index];
        const betweenLetters = index > firstLetter && index < lastLetter;
        result.push(
          SYMBOLS.test(character) && !betweenLetters ? character : (LEET_LETTERS[character] ?? character),
        );
      }
    } else if (result) for (let index = start; index < end; index++) result.push(text[index]);
    for (; end < text.length && kindOf(text.charCodeAt(end)) === Kind.Space; end++) result?.push(text[end]);
    start = end;
  }
  return result ? result.join('') : text;
}

/** Letters spelled one by one with this many separators between them spell a word: `b.o.m.b`, not `e-mail`. */
const MIN_SPELLING_SEPARATORS = 2;
/** Shorter spelled words are abbreviations (`e.g.`, `a.m.`, `U.S.A.`), which nothing hides in. */
const MIN_SPELLED_LETTERS = 4;
const PIECE = /[A-Za-z0-9'\u2019]+/g;
const LETTER = /[A-Za-z]/;
/** A letter or digit outside ASCII: the word is written in another script or folded already, not spelled out. */
const FOREIGN_LETTER = /(?![\x00-\x7f])[\p{L}\p{N}]/u;

/**
 * The text as an evader means it to be read, for checks that read whole sentences (the classifier): words
 * written in letter substitutes or spelled out with separators replaced, in place, by the word they spell, the
 * rest left as given. Null when nothing was spelled that way: ordinary text needs no second reading.
 */
export function deobfuscatedReading(text: string): string | null {
  const unleeted = undoLeetspeak(text);
  if (unleeted === text && !mayBeSpelledOut(text)) return null;
  const parts: string[] = [];
  let copied = 0;
  for (const word of normalizeText(unleeted).words) {
    const given = text.slice(word.start, word.end);
    // Separators may be any punctuation (`b·o·m·b`, `b…o…m…b`, `b—o—m—b`); letters must be ASCII.
    if (FOREIGN_LETTER.test(given)) continue;
    const reading = respelled(unleeted.slice(word.start, word.end));
    if (reading === given) continue;
    parts.push(text.slice(copied, word.start), reading);
    copied = word.end;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * A joined word of the normalization with each letter-by-letter spelling written as the word it spells. The
 * normalization joins every run of single letters (`a b.o.m.b`, `x = a.b + c.d`): the separator most of the run
 * uses marks the spelling; the others still separate words.
 */
function respelled(joined: string): string {
  const pieces: Array<{ start: number; end: number }> = [];
  for (const match of joined.matchAll(PIECE))
    pieces.push({ start: match.index, end: match.index + match[0].length });
  if (pieces.length <= MIN_SPELLING_SEPARATORS) return joined;
  const gaps = new Map<string, number>();
  let spelling = '';
  for (let index = 1; index < pieces.length; index++) {
    const gap = joined.slice(pieces[index - 1].end, pieces[index].start);
    const count = (gaps.get(gap) ?? 0) + 1;
    gaps.set(gap, count);
    if (count > (gaps.get(spelling) ?? 0)) spelling = gap;
  }
  let result = '';
  for (let first = 0; first < pieces.length;) {
    let last = first;
    while (last + 1 < pieces.length && joined.slice(pieces[last].end, pieces[last + 1].start) === spelling)
      last++;
    const group = pieces.slice(first, last + 1);
    const letters = group.map((piece) => joined.slice(piece.start, piece.end)).join('');
    if (first > 0) result += joined.slice(pieces[first - 1].end, pieces[first].start);
    result +=
      last - first >= MIN_SPELLING_SEPARATORS && letters.length >= MIN_SPELLED_LETTERS && LETTER.test(letters)
        ? letters.toLowerCase()
        : joined.slice(pieces[first].start, pieces[last].end);
    first = last + 1;
  }
  return joined.slice(0, pieces[0].start) + result + joined.slice(pieces[pieces.length - 1].end);
}

/**
 * Whether some letter stands alone between two separators (`k i l l`, `b.o.m.b`, `k 1 l l`): a cheap test that
 * spares ordinary text the normalization. The first of the pair must be a letter: a run of lone digits (`10.0.0.1`)
 * spells no word (respelling keeps only groups with a letter), and reading such runs cost 250 ms on 270 kB of
 * addresses. Linear: each alternative reads a bounded run.
 */
const LONE_LETTER =
  /(?:^|[^A-Za-z0-9'\u2019])[A-Za-z][^A-Za-z0-9'\u2019\n]{1,3}[A-Za-z0-9](?:[^A-Za-z0-9'\u2019\n]{1,3}|$)/;

function mayBeSpelledOut(text: string): boolean {
  return LONE_LETTER.test(text);
}

/**
 * A token a word could be written as, once quotes, brackets and punctuation around it are set aside: not code, a
 * path, an address (`@` there is not a letter), a link, or a number in hexadecimal (`a3f5b0c1d`). Loops, not
 * regular expressions with overlapping classes, so a long token costs linear time.
 */
function isWordLike(token: string): boolean {
  let first = 0;
  let last = token.length;
  while (first < last && OPENING.has(token[first])) first++;
  while (last > first && CLOSING.has(token[last - 1])) last--;
  const core = token.slice(first, last);
  if (!WORD_CHARACTERS.test(core) || HEXADECIMAL.test(core) || core.startsWith('www.')) return false;
  const at = core.indexOf('@');
  return at < 0 || core.lastIndexOf('.') < at;
}

/** Letters drawn with two or three symbols (`h()w`, `|<ill`, `|-|ow`), read only inside heavy leetspeak. */
const DRAWN_LETTERS: Array<[RegExp, string]> = [
  [/\(\)/g, 'o'],
  [/\|</g, 'k'],
  [/\|-\|/g, 'h'],
  [/\|\\\|/g, 'n'],
  [/\\\/\\\//g, 'w'],
  [/\/\\/g, 'a'],
  [/\\\//g, 'v'],
  [/\|\)/g, 'd'],
];
/** Words of a text written in leetspeak, at least this many and this share, for the text to be read as leetspeak. */
const MIN_LEET_WORDS = 3;
const LEET_WORD_SHARE = 0.3;
const LEET_TOKEN = /^[A-Za-z0-9@$!|]+$/;
const HAS_LEET = /[0134578@$!|]/;
const OTHER_DIGIT = /[269]/;
const TOKEN_EDGES = /^["'“‘([{]+|[.,!?;:"'”’)\]}]+$/g;
const HANDLE = /^[@$][A-Za-z0-9_]{3,}$/;

/**
 * The text read as heavy leetspeak when it is written in it (`h()w t() m@k3 @ b()mb @t h()m3` -> `how to make a bomb
 * at home`): where three words or more, and 30 % of its words, mix letters with digits and symbols written for
 * letters, every such word is read in letters, including the short ones `undoLeetspeak` leaves alone because a
 * substitute at a word's edge may be a number or a mark (`t0`, `@t`, `m3`), a lone `@` reads `a`, and letters drawn
 * with two or three symbols (`()`, `|<`, `|-|`) are read too. Null when the text is not written so.
 */
export function heavyLeetReading(text: string): string | null {
  if (!HAS_LEET.test(text)) return null;
  let drawn = text;
  for (const [pattern, letter] of DRAWN_LETTERS) drawn = drawn.replace(pattern, letter);
  const tokens = drawn.split(/(\s+)/);
  let words = 0;
  let leetWords = 0;
  const cores = tokens.map((token, index) => {
    if (index % 2 === 1 || token.length === 0) return null;
    const core = token === '@' ? token : token.replace(TOKEN_EDGES, '');
    // A handle or a ticker (`@name`, `$AAPL`), not a word; `@t` is `at`.
    if (!LEET_TOKEN.test(core) || OTHER_DIGIT.test(core) || HANDLE.test(core)) return null;
    if (LETTER.test(core)) {
      words++;
      if (HAS_LEET.test(core)) leetWords++;
    }
    return core;
  });
  if (leetWords < MIN_LEET_WORDS || leetWords < words * LEET_WORD_SHARE) return null;
  const reading = tokens
    .map((token, index) => {
      const core = cores[index];
      if (core === null || (core !== '@' && !LETTER.test(core)) || !HAS_LEET.test(core)) return token;
      const letters = [...core].map((character) => LEET_LETTERS[character] ?? character).join('');
      return token.replace(core, letters);
    })
    .join('');
  return reading === text ? null : reading;
}
