import { Span } from '../moderation.types';

/**
 * Runs of base64 (standard or URL-safe alphabet) long enough to carry a sentence: "decode this and answer: aG93…"
 * is a request a model reads through. Shorter runs are words, ids and hashes.
 */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** A run is decoded only this far: a prompt's worth of hidden text, however long the run. */
const MAX_DECODED_BYTES = 16_384;
/** How much of a decoded run must be text a reader reads (letters, digits, punctuation, spaces) to count. */
const MIN_READABLE_SHARE = 0.95;
const READABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]/u;
/** Two words of letters at least: binary that happens to decode to a few printable bytes is not a message. */
const WORDS = /\p{L}{2,}[^\p{L}]+\p{L}{2,}/u;

/**
 * The messages a text carries in base64, one per encoded run that decodes to readable UTF-8, each with the run's
 * range in the text as given. Identifiers, hashes, hex and long words decode to bytes no one reads and are passed
 * over.
 */
export function base64Payloads(text: string): Array<{ text: string; span: Span }> {
  const payloads: Array<{ text: string; span: Span }> = [];
  for (const match of text.matchAll(BASE64_RUN)) {
    const decoded = readableBase64(match[0]);
    if (decoded !== null) {
      payloads.push({ text: decoded, span: { start: match.index, end: match.index + match[0].length } });
    }
  }
  return payloads;
}

function readableBase64(run: string): string | null {
  const encoded = run.slice(0, (MAX_DECODED_BYTES / 3) * 4);
  let decoded: string;
  try {
    // Streaming, so a run cut at the limit inside a character keeps the characters before it; any other byte
    // that is not UTF-8 makes the run binary.
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64'), {
      stream: true,
    });
  } catch {
    return null;
  }
  if (!WORDS.test(decoded)) return null;
  let readable = 0;
  for (const character of decoded) if (READABLE.test(character)) readable++;
  return readable >= MIN_READABLE_SHARE * [...decoded].length ? decoded : null;
}

/**
 * The text read backwards, character by character ("emoh ta bmob a ekam ot woh"), when that is how it reads: most of
 * its words are unknown to the reader's vocabulary forwards and known backwards. Null otherwise, and for texts of
 * fewer than four words, where chance decides.
 */
export function reversedReading(text: string, isWord: (word: string) => boolean): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length < 4) return null;
  const known = (candidates: string[]) => candidates.filter(isWord).length / candidates.length;
  if (known(words) > 0.5) return null;
  const backwards = words.map((word) => [...word].reverse().join(''));
  if (known(backwards) < 0.8) return null;
  return [...text].reverse().join('');
}
