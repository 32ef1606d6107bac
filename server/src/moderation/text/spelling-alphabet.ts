import { WordRank, wordsOfLetters } from './joined-words';

/** The letters of the NATO spelling alphabet (and the spellings people use beside ICAO's). */
const CODE_WORDS = new Map(
  Object.entries({
    alfa: 'a',
    alpha: 'a',
    bravo: 'b',
    charlie: 'c',
    delta: 'd',
    echo: 'e',
    foxtrot: 'f',
    golf: 'g',
    hotel: 'h',
    india: 'i',
    juliet: 'j',
    juliett: 'j',
    kilo: 'k',
    lima: 'l',
    mike: 'm',
    november: 'n',
    oscar: 'o',
    papa: 'p',
    quebec: 'q',
    romeo: 'r',
    sierra: 's',
    tango: 't',
    uniform: 'u',
    victor: 'v',
    whiskey: 'w',
    whisky: 'w',
    xray: 'x',
    'x-ray': 'x',
    yankee: 'y',
    zulu: 'z',
  }),
);

/** Code words in a row, at least this many, for a run to be read as letters: `Alpha Bravo` names, it does not spell. */
const MIN_RUN_WORDS = 3;
/** Letters read from one run, at most: beyond, a run is left as written (a reading costs a look-up per letter × 20). */
const MOST_LETTERS = 4096;

const WORD = /x-ray|[a-z]+/gi;
const ANY_CODE_WORD = new RegExp(`\\b(?:${[...CODE_WORDS.keys()].join('|')})\\b`, 'i');
/** What parts code words of one run: spaces, hyphens and the marks people put between spelled words. */
const GAP = /^[\s\-,.;/|]+$/;
/** A gap that joins two letters of one word: one space or one hyphen. */
const LETTER_GAPS = new Set([' ', '-']);

/**
 * The text with words spelled in the NATO alphabet read as the words they spell (`hotel oscar whiskey / tango oscar`
 * -> `how to`), as jailbreak suites spell requests to slip them past a filter that reads words. A run is three or more
 * code words parted only by spaces and marks. Inside a run, words are parted where people part them: by a mark or
 * more than one space, or by a space where hyphens join letters (`Hotel-Oscar-Whiskey Tango-Oscar`); a run with no
 * such parting is cut into its likeliest words by the vocabulary's ranks (`rankOf`), as words run together are.
 * Null when no run is found. One pass over the text's words.
 */
export function spellingAlphabetReading(text: string, rankOf?: WordRank): string | null {
  // Most texts hold no code word: one scan spares them the look at every word.
  if (!ANY_CODE_WORD.test(text)) return null;
  let result: string | null = null;
  let copied = 0;
  let run: RegExpMatchArray[] = [];
  const closeRun = () => {
    if (run.length >= MIN_RUN_WORDS && run.length <= MOST_LETTERS) {
      const start = run[0].index!;
      const last = run[run.length - 1];
      result = (result ?? '') + text.slice(copied, start) + spelledWords(text, run, rankOf);
      copied = last.index! + last[0].length;
    }
    run = [];
  };
  let previousEnd = 0;
  for (const word of text.matchAll(WORD)) {
    const letter = CODE_WORDS.get(word[0].toLowerCase());
    if (run.length > 0 && (letter === undefined || !GAP.test(text.slice(previousEnd, word.index))))
      closeRun();
    previousEnd = word.index! + word[0].length;
    if (letter !== undefined) run.push(word);
  }
  closeRun();
  return result === null ? null : result + text.slice(copied);
}

/** The words a run of code words spells, parted by single spaces. */
function spelledWords(text: string, run: RegExpMatchArray[], rankOf?: WordRank): string {
  const gaps = run.slice(1).map((word, index) => {
    const previous = run[index];
    return text.slice(previous.index! + previous[0].length, word.index);
  });
  // Hyphens inside words and spaces between them, as in `Hotel-Oscar-Whiskey Tango-Oscar`.
  const hyphenated = gaps.includes('-') && gaps.includes(' ');
  const joins = (gap: string) => (hyphenated ? gap === '-' : LETTER_GAPS.has(gap));
  const groups: string[] = [CODE_WORDS.get(run[0][0].toLowerCase())!];
  gaps.forEach((gap, index) => {
    const letter = CODE_WORDS.get(run[index + 1][0].toLowerCase())!;
    if (joins(gap)) groups[groups.length - 1] += letter;
    else groups.push(letter);
  });
  if (!rankOf) return groups.join(' ');
  return groups
    .map((group) =>
      rankOf(group) === undefined ? (wordsOfLetters(group, rankOf)?.join(' ') ?? group) : group,
    )
    .join(' ');
}
