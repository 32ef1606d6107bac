/** A run of letters this long that is no word of the vocabulary may be words written without spaces. */
const MIN_JOINED_LETTERS = 10;
/** Longer runs are not sentences run together (base64, keys, a row of one letter): not read. */
const MAX_JOINED_LETTERS = 64;
/** The longest word a run is cut into. */
const MAX_WORD_LETTERS = 20;
/** Words a run must hold to be a phrase run together (`howtomakeabomb`), not a compound (`toothbrush`). */
const MIN_WORDS = 3;
/** The fewest letters a word has on average: cuts into two-letter pieces are chance, not a phrase. */
const MIN_AVERAGE_LETTERS = 2.5;
/**
 * Words looked up in one text while cutting its runs (as many as 256 runs of 64 letters cost), so a text of nothing
 * but long runs costs a bounded amount. Counted in look-ups, not runs: a run with no word at its start is given up
 * after at most 20, so letters typed at random ahead of a request run together no longer use up what reads it.
 */
const MAX_LOOKUPS = 256 * MAX_JOINED_LETTERS * MAX_WORD_LETTERS;
/** One-letter words: every other single letter is a piece, not a word. */
const ONE_LETTER_WORDS = new Set(['a', 'i']);
/** The rarest a cut's words may be on average (the log of their rank): a phrase run together is made of common words. */
const MAX_AVERAGE_COST = Math.log(3_000);
/**
 * The rarest a word of three letters or fewer may be: a long word cut into the short tokens of a vocabulary
 * (`international i za ti on`, `super calif rag i list ic`) leaves rare pieces, a phrase common ones.
 */
const MAX_SHORT_WORD_RANK = 3_000;
const SHORT_WORD_LETTERS = 3;

/**
 * Where a word ranks in the reader's vocabulary (undefined: not a word). The ids of a WordPiece or BPE vocabulary
 * rise roughly with rarity, so an id is a rank.
 */
export type WordRank = (word: string) => number | undefined;

const LETTER_RUN = /[A-Za-z]+/g;
const LONG_RUN = new RegExp(`[A-Za-z]{${MIN_JOINED_LETTERS}}`);
const CAMEL_CASE_PIECE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;

/**
 * The text with words run together read apart, for a classifier that reads words: hashtags and slugs without
 * separators (`#howtomakeabombathome`) and camel case (`howToMakeABomb`). A run of 10 to 64 letters (not part of a
 * handle, an address, a path or an identifier) that is no word
 * of the vocabulary is cut into the words it most likely holds (the cut whose words' ranks have the smallest sum of
 * logarithms, as word segmenters after Zipf do), when that is three words or more, of 2.5 letters or more, of
 * common words on average and without a rare short one; camel case is cut at its capitals when every piece is a word. Null when no run is read
 * apart. Linear: each run costs at most its length × 20 look-ups, and a text at most MAX_LOOKUPS.
 */
export function separatedWordsReading(text: string, rankOf: WordRank): string | null {
  // Most texts hold no run this long: one test spares them the scan of every word.
  if (!LONG_RUN.test(text)) return null;
  const isWord = (word: string) => rankOf(word) !== undefined;
  const budget = { lookups: MAX_LOOKUPS };
  let result: string | null = null;
  let copied = 0;
  for (const match of text.matchAll(LETTER_RUN)) {
    const run = match[0];
    if (run.length < MIN_JOINED_LETTERS || run.length > MAX_JOINED_LETTERS) continue;
    if (isNameOrAddress(text, match.index, match.index + run.length)) continue;
    if (budget.lookups <= 0) break;
    if (isWord(run.toLowerCase())) continue;
    const words = camelCaseWords(run, isWord) ?? likeliestWords(run.toLowerCase(), rankOf, budget);
    if (words === null) continue;
    result = (result ?? '') + text.slice(copied, match.index) + words.join(' ');
    copied = match.index + run.length;
  }
  return result === null ? null : result + text.slice(copied);
}

/**
 * A run that is part of a handle, an address, a path or an identifier (`@ItsFoodPorn`, `www.stackoverflow.com`,
 * `/usr/lib`, `snake_case`): names, which nobody reads as a sentence, and whose pieces out of context read as what
 * they are not (`kids food porn`).
 */
function isNameOrAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  return (
    NAME_MARKS.has(before) ||
    NAME_MARKS.has(after) ||
    (before === 0x2e && start >= 2 && text.charCodeAt(start - 2) > 0x20) ||
    (after === 0x2e && end + 1 < text.length && text.charCodeAt(end + 1) > 0x20)
  );
}
/** `@`, `/`, `_`, `\\`, `:`, `=`, digits beside a run: it names something. */
const NAME_MARKS = new Set([
  0x40,
  0x2f,
  0x5f,
  0x5c,
  0x3a,
  0x3d,
  ...Array.from({ length: 10 }, (_, digit) => 0x30 + digit),
]);

function camelCaseWords(run: string, isWord: (word: string) => boolean): string[] | null {
  const pieces = run.match(CAMEL_CASE_PIECE) ?? [];
  if (pieces.length < MIN_WORDS || pieces.join('') !== run) return null;
  const words = pieces.map((piece) => piece.toLowerCase());
  return words.every((word) => isWord(word)) ? words : null;
}

/**
 * A run of lower-case letters of any length cut into its likeliest words, as `separatedWordsReading` cuts a run, for
 * readers that know the run holds words (letters spelled out one by one): null when it cannot be cut into common words.
 */
export function wordsOfLetters(run: string, rankOf: WordRank): string[] | null {
  return likeliestWords(run, rankOf, { lookups: run.length * MAX_WORD_LETTERS });
}

/** The run cut into its likeliest words, or null when it cannot be cut into common words of some length. */
function likeliestWords(run: string, rankOf: WordRank, budget: { lookups: number }): string[] | null {
  // cost[end]: the least cost of a cut of run[0, end); from[end]: where its last word starts.
  const cost = new Float64Array(run.length + 1).fill(Infinity);
  const from = new Int32Array(run.length + 1);
  cost[0] = 0;
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - MAX_WORD_LETTERS); start < end; start++) {
      if (cost[start] === Infinity) continue;
      budget.lookups--;
      const word = run.slice(start, end);
      const rank = word.length === 1 && !ONE_LETTER_WORDS.has(word) ? undefined : rankOf(word);
      if (rank === undefined) continue;
      const total = cost[start] + Math.log(rank + 2);
      if (total < cost[end]) {
        cost[end] = total;
        from[end] = start;
      }
    }
  }
  if (cost[run.length] === Infinity) return null;
  const words: string[] = [];
  for (let end = run.length; end > 0; end = from[end]) words.unshift(run.slice(from[end], end));
  const common =
    cost[run.length] / words.length <= MAX_AVERAGE_COST &&
    words.every((word) => word.length > SHORT_WORD_LETTERS || rankOf(word)! <= MAX_SHORT_WORD_RANK);
  return words.length >= MIN_WORDS && run.length / words.length >= MIN_AVERAGE_LETTERS && common
    ? words
    : null;
}
