/** A word found in a text: its letters and where they start. */
export interface FoundWord {
  word: string;
  index: number;
}

/** What may stand between two words of one run: anything but a letter of another script. */
const LETTER = /\p{L}/u;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);
}

/**
 * What may stand beside a word of prose: a word in an address, a path or code (`www.`, `t.co`, `aaa_bbb`, `0fa32df`)
 * is left alone.
 */
export function isProseBoundary(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const code = text.charCodeAt(index);
  if (code === 0x2e) return index + 1 >= text.length || text.charCodeAt(index + 1) <= 0x20;
  return !(isAsciiLetterOrDigit(code) || code === 0x40 || code === 0x2f || code === 0x5f);
}

/**
 * The runs of words of prose in a row that each are `inRun` (a word written in a word game), for readers that read a
 * game back only where it is played over several words. A run ends at a word that is not, at a word that is not
 * prose (in an address or code) and at a letter of another script. One pass over the text's char codes.
 */
export function wordRuns(text: string, inRun: (word: string) => boolean): FoundWord[][] {
  const runs: FoundWord[][] = [];
  let run: FoundWord[] = [];
  const closeRun = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (!isAsciiLetter(code)) {
      if (code >= 0x80 && run.length > 0) {
        const codePoint = text.codePointAt(index)!;
        if (LETTER.test(String.fromCodePoint(codePoint))) closeRun();
        index += codePoint > 0xffff ? 2 : 1;
      } else index++;
      continue;
    }
    let end = index + 1;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    const word = text.slice(index, end);
    if (isProseBoundary(text, index - 1) && isProseBoundary(text, end) && inRun(word))
      run.push({ word, index });
    else closeRun();
    index = end;
  }
  closeRun();
  return runs;
}

/**
 * Whether a word ends a contraction (`'s`, `'t`, `'re`, `'ll`, or their word-game spellings): it is read with the word
 * before it, not as a word of its own.
 */
export function isContractionEnd(text: string, found: FoundWord): boolean {
  const before = text.charCodeAt(found.index - 1);
  return before === 0x27 || before === 0x2019;
}

/** The text with some of its words read otherwise; null when there is none. */
export function withWordsReplaced(text: string, replacements: [FoundWord, string][]): string | null {
  if (replacements.length === 0) return null;
  const parts: string[] = [];
  let copied = 0;
  for (const [found, reading] of replacements) {
    parts.push(text.slice(copied, found.index), reading);
    copied = found.index + found.word.length;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
