import { Span } from '../moderation.types';
import { unitsToString } from './utf16';

/** Unicode's tag block mirrors printable ASCII at U+E0020–E007E; as UTF-16, a high surrogate of 0xDB40. */
const TAG_HIGH_SURROGATE = 0xdb40;
const TAG_PRINTABLE_FIRST = 0xdc20;
const TAG_PRINTABLE_LAST = 0xdc7e;
/** 🏴 (U+1F3F4) followed by tag letters is a subdivision flag (England, Scotland, Wales): text, not smuggling. */
const WAVING_BLACK_FLAG = '\u{1f3f4}';
/** Shorter hidden runs are flag-like noise; instructions take more. */
export const MIN_HIDDEN_CHARACTERS = 8;

/**
 * The ASCII a text carries in invisible tag characters ("ASCII smuggling": a model may read what no reviewer
 * sees), one line per hidden run, with the runs' ranges in the text as given. Null when there is none.
 */
export function hiddenTagText(text: string): { text: string; spans: Span[] } | null {
  let searchFrom = text.indexOf(String.fromCharCode(TAG_HIGH_SURROGATE));
  if (searchFrom < 0) return null;
  const runs: string[] = [];
  const spans: Span[] = [];
  while (searchFrom >= 0 && searchFrom < text.length) {
    const start = searchFrom;
    let end = start;
    while (
      text.charCodeAt(end) === TAG_HIGH_SURROGATE &&
      text.charCodeAt(end + 1) >= TAG_PRINTABLE_FIRST &&
      text.charCodeAt(end + 1) <= TAG_PRINTABLE_LAST
    )
      end += 2;
    const length = (end - start) / 2;
    const isFlag = text.startsWith(WAVING_BLACK_FLAG, start - WAVING_BLACK_FLAG.length);
    if (length >= MIN_HIDDEN_CHARACTERS && !isFlag) {
      const ascii = new Uint16Array(length);
      for (let index = 0; index < length; index++)
        ascii[index] = text.charCodeAt(start + 2 * index + 1) - 0xdc00;
      runs.push(unitsToString(ascii));
      spans.push({ start, end });
    }
    searchFrom = text.indexOf(String.fromCharCode(TAG_HIGH_SURROGATE), Math.max(end, start + 1));
  }
  return runs.length > 0 ? { text: runs.join('\n'), spans } : null;
}
