import { FoldedText } from './folded-text';

/**
 * Character escapes a model reads through as easily as the characters themselves: HTML character references
 * (`&#111;`, `&#x6f;`, `&amp;`, `&eacute;`), percent-encoding (`%6F`) and the backslash escapes of JavaScript,
 * JSON, Python and C (`\u006f`, `\u{6f}`, `\x6f`), as text in a prompt; and HTML markup, which a model reads
 * past as a browser renders it: comments and tags (`b<!-- -->omb`, `k<span>ill</span>ing`). Bounded alternatives
 * only, so one pass over the text whatever it holds.
 */
const ESCAPE =
  /&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?|&([a-zA-Z]{2,7});|((?:%[0-9a-fA-F]{2})+)|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|(<!--[^]{0,64}?-->)|<\/?([A-Za-z][A-Za-z0-9]{0,15})(?:[\s/][^<>]{0,128})?>/g;
/** The characters every escape starts with: a text without any needs no second look. */
const ESCAPE_START = /[&%\\<]/;
/**
 * Elements that break a line where they stand: read as a space, so the words around them stay apart. Every other
 * tag, and a comment, stands for nothing (`<b>`, `<span>`, `<font>`, a made-up `<x>`): the letters around it are one
 * word, as a browser shows them.
 */
const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section summary table tbody td ' +
    'tfoot th thead title tr ul'
  ).split(' '),
);
/** Inline elements, in whatever case: `<B>` is markup. */
const INLINE_ELEMENTS = new Set(
  (
    'a abbr b bdi bdo big blink cite code data del dfn em font i img ins kbd mark q s samp small span strike ' +
    'strong sub sup time tt u var wbr'
  ).split(' '),
);
const LOWER_CASE_NAME = /^[a-z][a-z0-9]*$/;

/**
 * What a tag reads as: a space for a block element, nothing for any other element, made-up lower-case ones
 * included; a capitalized name that is no element (`<Person>`, `<URL>`) is a placeholder, which stays text.
 */
function tagReading(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (BLOCK_ELEMENTS.has(lower)) return ' ';
  return INLINE_ELEMENTS.has(lower) || LOWER_CASE_NAME.test(name) ? '' : undefined;
}

/** Named references for ASCII and for accented Latin letters (their accents are dropped by the fold later). */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  szlig: 'ß',
  ...Object.fromEntries(
    [...'aeiouyAEIOUY'].map((letter) => [`${letter}uml`, `${letter}\u0308`.normalize('NFC')]),
  ),
};
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  ring: '\u030a',
  cedil: '\u0327',
  caron: '\u030c',
};
const ACCENTED_NAME = /^([a-zA-Z])(acute|grave|circ|tilde|ring|cedil|caron)$/;

function namedReference(name: string): string | undefined {
  const known = NAMED[name];
  if (known !== undefined) return known;
  const accented = ACCENTED_NAME.exec(name);
  return accented ? `${accented[1]}${ACCENTS[accented[2]]}`.normalize('NFC') : undefined;
}

function codePointText(hex: string, radix = 16): string | undefined {
  const codePoint = parseInt(hex, radix);
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
}

const UTF8 = new TextDecoder('utf-8');

/** Percent-encoded bytes as UTF-8 (a byte that is not part of UTF-8 reads as U+FFFD, the rest still decodes). */
function percentDecoded(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = parseInt(run.slice(3 * index + 1, 3 * index + 3), 16);
  return UTF8.decode(bytes);
}

function decodedEscape(match: RegExpExecArray): string | undefined {
  const [, hexReference, decimalReference, name, percentRun, braced, unicode, hexByte, comment, tag] = match;
  if (comment !== undefined) return '';
  if (tag !== undefined) return tagReading(tag);
  if (hexReference !== undefined) return codePointText(hexReference);
  if (decimalReference !== undefined) return codePointText(decimalReference, 10);
  if (name !== undefined) return namedReference(name);
  if (percentRun !== undefined) return percentDecoded(percentRun);
  return codePointText(braced ?? unicode ?? hexByte);
}

/**
 * The text with its character escapes decoded once (an escape of an escape stays one: a model reading through
 * two layers is guessing) and its markup read past, each unit of the result keeping the range of the original it
 * was read from, as a fold does. Null when the text holds no escape and no markup.
 */
export function decodeEscapes(text: string): FoldedText | null {
  if (!ESCAPE_START.test(text)) return null;
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let copiedTo = 0;
  const copy = (to: number) => {
    for (let index = copiedTo; index < to; index++) {
      starts.push(index);
      ends.push(index + 1);
    }
    pieces.push(text.slice(copiedTo, to));
  };
  for (const match of text.matchAll(ESCAPE)) {
    const decoded = decodedEscape(match);
    if (decoded === undefined) continue;
    copy(match.index);
    const end = match.index + match[0].length;
    pieces.push(decoded);
    for (let unit = 0; unit < decoded.length; unit++) {
      starts.push(match.index);
      ends.push(end);
    }
    copiedTo = end;
  }
  if (copiedTo === 0) return null;
  copy(text.length);
  return { text: pieces.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
