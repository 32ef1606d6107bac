import { FoldedText } from './folded-text';

/**
 * Character escapes a model reads through as easily as the characters themselves: HTML character references
 * (`&#111;`, `&#x6f;`, `&amp;`, `&eacute;`), percent-encoding (`%6F`) and the backslash escapes of JavaScript,
 * JSON, Python and C (`\u006f`, `\u{6f}`, `\x6f`), as text in a prompt. Bounded alternatives only, so one pass
 * over the text whatever it holds.
 */
const ESCAPE =
  /&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?|&([a-zA-Z]{2,7});|((?:%[0-9a-fA-F]{2})+)|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g;
/** The characters every escape starts with: a text without any needs no second look. */
const ESCAPE_START = /[&%\\]/;

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
  const [, hexReference, decimalReference, name, percentRun, braced, unicode, hexByte] = match;
  if (hexReference !== undefined) return codePointText(hexReference);
  if (decimalReference !== undefined) return codePointText(decimalReference, 10);
  if (name !== undefined) return namedReference(name);
  if (percentRun !== undefined) return percentDecoded(percentRun);
  return codePointText(braced ?? unicode ?? hexByte);
}

/**
 * The text with its character escapes decoded once (an escape of an escape stays one: a model reading through
 * two layers is guessing), each unit of the result keeping the range of the original it was read from, as a
 * fold does. Null when the text holds no escape.
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
