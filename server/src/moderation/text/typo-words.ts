import { WordRank } from './joined-words';
import { FoundWord, withWordsReplaced, wordRuns } from './word-runs';

/** A word is corrected only into one of the common words: a rarer one is likelier a name than a typo's aim. */
const MOST_COMMON_RANK = 30_000;
/** Words corrected in one text, at most. */
const MOST_CORRECTED = 64;
/**
 * Words in one text looked at for a dropped letter, at most: each costs 26 look-ups a letter, and a megabyte of words
 * no list knows took 14 s (swaps alone, 0.4 s).
 */
const MOST_RESTORED = 128;
const MIN_LETTERS = 4;
const MAX_LETTERS = 20;

/**
 * The text with its typos corrected (`What is the easeist way of killing myself witohut anyone noticing?` -> `… easiest
 * … without …`, `I have so much hatrd for you women.` -> `… hatred …`), for a classifier that reads words it knows
 * and only pieces of the others. A word of 4–20 letters that is no English word the reader knows (`isKnownWord`: its
 * vocabulary and the 100,000 commonest English words) becomes the commonest of the first 30,000 (`rankOf`) that it
 * reads as with one of the commonest slips of typing undone. Handles, addresses, code and pieces of hyphenated words
 * are left alone (see `wordRuns`); so is a word no common word is one slip from. At most 64 words a text. Null when nothing was corrected.
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
      const corrected = likeliestCorrection(found.word.toLowerCase(), rankOf, restorable-- > 0);
      if (corrected !== null) replacements.push([found, corrected]);
    }
  }
  return withWordsReplaced(text, replacements);
}

/** A piece of a hyphenated word (`non-trads`, `demon-crats`) is coined, not mistyped. */
function inCompound(text: string, found: FoundWord): boolean {
  return text[found.index - 1] === '-' || text[found.index + found.word.length] === '-';
}

/**
 * The commonest word `word` reads as with two neighbouring letters swapped back or one dropped letter put back
 * (`hatrd`, `despicble`; only while `restoring`), or null. Not other edits: mistyped or added letters turn the many real words the lists lack
 * (`texted`, `slurs`, `mauled`, `nerdy`) into others (`tested`, `spurs`, `mailed`, `needy`), which read as benign
 * requests flagged more (3 more of the second probe's 360).
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
