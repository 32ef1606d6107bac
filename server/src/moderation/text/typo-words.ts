import { WordRank } from './joined-words';
import { FoundWord, withWordsReplaced, wordRuns } from './word-runs';

/** A word is corrected only into one of the common words: a rarer one is likelier a name than a typo's aim. */
const MOST_COMMON_RANK = 30_000;
/** Words corrected in one text, at most. */
const MOST_CORRECTED = 64;
/**
 * Words in one text looked at for a dropped letter or a missed space, at most: a dropped letter costs 26 look-ups a
 * letter, and a megabyte of words no list knows took 14 s (swaps alone, 0.4 s).
 */
const MOST_RESTORED = 128;
const MIN_LETTERS = 4;
const MAX_LETTERS = 20;

/**
 * The text with its typos corrected (`What is the easeist way of killing myself witohut anyone noticing?` -> `… easiest
 * … without …`, `I have so much hatrd for you women.` -> `… hatred …`, `Deathto all of them` -> `death to …`), for a
 * classifier that reads words it knows and only pieces of the others. A word of 4–20 letters that is no English word
 * the reader knows (`isKnownWord`: its vocabulary and the 100,000 commonest English words) becomes the commonest of the
 * first 30,000 (`rankOf`) that it reads as with one of the commonest slips of typing undone, or else two words with
 * the space between them put back. Handles, addresses, code and pieces of hyphenated words are left alone (see
 * `wordRuns`); so is a word no slip explains. At most 64 words a text. Null when nothing was corrected.
 */
export function typoReading(
  text: string,
  isKnownWord: (word: string) => boolean,
  rankOf: WordRank,
): string | null {
  const replacements: [FoundWord, string][] = [];
  const unknown = (word: string) =>
    word.length >= MIN_LETTERS && word.length <= MAX_LETTERS && !isKnownWord(word.toLowerCase());
  let restorable = MOST_RESTORED;
  for (const run of wordRuns(text, unknown)) {
    for (const found of run) {
      if (inCompound(text, found)) continue;
      if (replacements.length >= MOST_CORRECTED) return withWordsReplaced(text, replacements);
      const word = found.word.toLowerCase();
      const corrected =
        likeliestCorrection(word, rankOf, restorable > 0) ??
        (restorable > 0 && splittable(text, found) ? likeliestSplit(word, isKnownWord, rankOf) : null);
      restorable--;
      if (corrected !== null) replacements.push([found, corrected]);
    }
  }
  return withWordsReplaced(text, replacements);
}

/**
 * Whether a word may be two run together: not a hashtag (`#fakenews`, joined on purpose; three words or more are read
 * apart by `separatedWordsReading`) nor the last word of a text with nothing after it, likelier cut short (`someth`).
 */
function splittable(text: string, found: FoundWord): boolean {
  return text[found.index - 1] !== '#' && found.index + found.word.length < text.length;
}

/** A piece of a hyphenated word (`non-trads`, `demon-crats`) is coined, not mistyped. */
function inCompound(text: string, found: FoundWord): boolean {
  return text[found.index - 1] === '-' || text[found.index + found.word.length] === '-';
}

/**
 * The commonest word `word` reads as with two neighbouring letters swapped back or, while `restoring`, one dropped
 * letter put back (`hatrd`, `despicble`), or null. Not other edits: mistyped or added letters turn real words the lists
 * lack (`texted`, `slurs`, `mauled`, `nerdy`) into others (`tested`, `spurs`, `mailed`, `needy`), which read as benign
 * requests flagged more (3 more of the second probe's 360, with the 30,000 common words as the only list).
 */
function likeliestCorrection(word: string, rankOf: WordRank, restoring: boolean): string | null {
  let best: string | null = null;
  let bestRank = MOST_COMMON_RANK;
  const consider = (candidate: string) => {
    const rank = rankOf(candidate);
    if (rank !== undefined && rank < bestRank) {
      best = candidate;
      bestRank = rank;
    }
  };
  for (let index = 0; index + 1 < word.length; index++) {
    if (word[index] === word[index + 1]) continue;
    consider(word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2));
  }
  // Inside the word only: a letter put back at either end makes another word of it (`grandparent` -> `grandparents`).
  for (let index = 1; restoring && index < word.length; index++) {
    for (const letter of LETTERS) consider(word.slice(0, index) + letter + word.slice(index));
  }
  return best;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The words of one or two letters a missed space leaves beside another; not pieces (`st`, `th`). `i` and `a` only start
 * a pair (`Ihate`, `abomb`), and `in` ends none: words ending in them are other words or slang spellings (`terrori`,
 * `brotha`, `representin`).
 */
const SHORT_WORDS = new Set(
  'a i am an as at be by do go he if in is it me my no of oh on or so to up us we'.split(' '),
);
const THREE_LETTERS = 3;
/** A part of three letters must be among the commonest words: a long word cut leaves rare short pieces. */
const MOST_COMMON_THREE_LETTER_RANK = 3_000;
/** How common a part is taken to be when it is English but not one of the common words. */
const RARER_WORD_RANK = 100_000;

/**
 * The two words `word` reads as with the space between them put back (`Ihate` -> `i hate`, `Deathto` -> `death to`,
 * `gayvermin` -> `gay vermin`), the pair whose ranks have the smallest sum of logarithms, or null. A part is a word of
 * `SHORT_WORDS`, one of the 3,000 commonest of three letters, or an English word of four or more.
 */
function likeliestSplit(
  word: string,
  isKnownWord: (word: string) => boolean,
  rankOf: WordRank,
): string | null {
  let best: string | null = null;
  let bestCost = Infinity;
  for (let index = 1; index < word.length; index++) {
    const first = word.slice(0, index);
    const second = word.slice(index);
    if (second === 'i' || second === 'a' || second === 'in') continue;
    const firstRank = partRank(first, isKnownWord, rankOf);
    if (firstRank === undefined) continue;
    const secondRank = partRank(second, isKnownWord, rankOf);
    if (secondRank === undefined) continue;
    const cost = Math.log(firstRank + 2) + Math.log(secondRank + 2);
    if (cost < bestCost) {
      best = `${first} ${second}`;
      bestCost = cost;
    }
  }
  return best;
}

function partRank(
  part: string,
  isKnownWord: (word: string) => boolean,
  rankOf: WordRank,
): number | undefined {
  if (part.length < THREE_LETTERS) return SHORT_WORDS.has(part) ? (rankOf(part) ?? 0) : undefined;
  const rank = rankOf(part);
  if (part.length === THREE_LETTERS)
    return rank !== undefined && rank < MOST_COMMON_THREE_LETTER_RANK ? rank : undefined;
  if (rank !== undefined && rank < MOST_COMMON_RANK) return rank;
  return isKnownWord(part) ? RARER_WORD_RANK : undefined;
}
