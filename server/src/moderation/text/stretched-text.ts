import { isProseBoundary } from './word-runs';

/**
 * Letters English doubles (`ll`, `ee`, `oo`, `ss`, `tt`, `ff`…): a stretched run of one of them keeps two, the
 * longest the word can have held (`killll` -> `kill`, `coffeeee` -> `coffee`). The others (a, h, i, j, k, q, u,
 * v, w, x, y) keep one (`kiiiill` -> `kill`, `fuuuck` -> `fuck`). Without a vocabulary this is the simple rule:
 * `loooser` reads `looser`, a word a classifier reads alike.
 */
const DOUBLES = new Set([...'bcdefglmnoprstz']);
const DOUBLED_CODES = Uint8Array.from({ length: 0x80 }, (_, code) =>
  DOUBLES.has(String.fromCharCode(code).toLowerCase()) ? 2 : 1,
);
/** A run this long is stretching, not spelling (`good`, `bookkeeper` hold runs of two). */
const MIN_STRETCH = 3;

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function lower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 32 : code;
}

/**
 * The text with every run of three or more identical ASCII letters inside a word of prose squeezed; null when no
 * word is stretched. With a vocabulary, each stretched letter of a word keeps two or one as spells a known word
 * (`killllll`, `boooomb`, `cooooffeeee`), two where it can; else DOUBLES decides. One pass over char codes.
 */
export function squeezeStretchedLetters(text: string, isWord?: (word: string) => boolean): string | null {
  if (!isStretched(text, 0, text.length)) return null;
  let parts: string[] | null = null;
  let copied = 0;
  for (let start = 0; start < text.length;) {
    if (!isLetter(text.charCodeAt(start))) {
      start++;
      continue;
    }
    let end = start;
    while (end < text.length && isLetter(text.charCodeAt(end))) end++;
    if (
      end - start >= MIN_STRETCH &&
      isStretched(text, start, end) &&
      isProseBoundary(text, start - 1) &&
      isProseBoundary(text, end)
    ) {
      const squeezed = squeezeWord(text, start, end, isWord);
      if (squeezed !== null) {
        parts ??= [];
        parts.push(text.slice(copied, start), squeezed);
        copied = end;
      }
    }
    start = end;
  }
  if (parts === null) return null;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Whether a word holds a run of MIN_STRETCH identical letters: most words do not, and cost no allocation. */
function isStretched(text: string, start: number, end: number): boolean {
  let run = 0;
  let previous = -1;
  for (let index = start; index < end; index++) {
    const code = lower(text.charCodeAt(index));
    run = code === previous && isLetter(code) ? run + 1 : 1;
    if (run >= MIN_STRETCH) return true;
    previous = code;
  }
  return false;
}

/** Stretched runs per word whose squeezes are all tried against a vocabulary (2 ^ this spellings at most). */
const MOST_RUNS_TRIED = 4;

function squeezeWord(
  text: string,
  start: number,
  end: number,
  isWord?: (word: string) => boolean,
): string | null {
  const pieces: string[] = [];
  /** Indexes into `pieces` of the stretched runs, each held as its first letter. */
  const stretched: number[] = [];
  for (let run = start; run < end;) {
    const code = lower(text.charCodeAt(run));
    let runEnd = run + 1;
    while (runEnd < end && lower(text.charCodeAt(runEnd)) === code) runEnd++;
    if (runEnd - run >= MIN_STRETCH) {
      stretched.push(pieces.length);
      pieces.push(text[run]);
    } else pieces.push(text.slice(run, runEnd));
    run = runEnd;
  }
  if (stretched.length === 0) return null;
  const spell = (doubled: (run: number) => boolean) =>
    pieces
      .map((piece, index) => {
        const run = stretched.indexOf(index);
        return run >= 0 && doubled(run) ? piece + piece : piece;
      })
      .join('');
  if (isWord && stretched.length <= MOST_RUNS_TRIED) {
    // All doubled first: `killll` is `kill` before it is `kil`.
    for (let singles = 0; singles < 1 << stretched.length; singles++) {
      const candidate = spell((run) => (singles & (1 << run)) === 0);
      if (isWord(candidate.toLowerCase())) return candidate;
    }
  }
  return spell((run) => DOUBLED_CODES[lower(pieces[stretched[run]].charCodeAt(0))] === 2);
}

/** Words of two letters or more, at least this many, every one of them typed with each letter twice. */
const MIN_DOUBLED_WORDS = 3;
const DOUBLED_SHARE = 0.8;

/**
 * The text with every letter typed twice read once (`hhooww  ttoo  mmaakkee` -> `how to make`), when at least 80 % of
 * its words of two letters or more are written so; null otherwise. Stretching squeezes runs of three and more, and
 * English doubles some letters, so a run of two alone says nothing; every letter of nearly every word doubled does.
 */
export function undoubledLetters(text: string): string | null {
  const words = text.match(/\p{L}{2,}/gu);
  if (!words || words.length < MIN_DOUBLED_WORDS) return null;
  const doubled = words.filter(isDoubledWord).length;
  if (doubled < MIN_DOUBLED_WORDS || doubled < words.length * DOUBLED_SHARE) return null;
  return text
    .replace(/\p{L}{2,}/gu, (word) => (isDoubledWord(word) ? halved(word) : word))
    .replace(/([ \t])\1/g, '$1');
}

function isDoubledWord(word: string): boolean {
  if (word.length % 2 !== 0) return false;
  for (let index = 0; index < word.length; index += 2) if (word[index] !== word[index + 1]) return false;
  return true;
}

function halved(word: string): string {
  let half = '';
  for (let index = 0; index < word.length; index += 2) half += word[index];
  return half;
}
