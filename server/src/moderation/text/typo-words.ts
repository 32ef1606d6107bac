import { WordRank } from './joined-words';
import { FoundWord, withWordsReplaced, wordRuns } from './word-runs';

/** A word is corrected only into one of the commonest words: a rarer one is likelier a name than a typo's aim. */
const MOST_COMMON_RANK = 20_000;
/** A word ranked this common or commoner is a word, however the vocabulary splits it: not a typo. */
const KNOWN_RANK = 30_000;
/** Words corrected in one text, at most. */
const MOST_CORRECTED = 64;
const MIN_LETTERS = 4;
const MAX_LETTERS = 20;

/**
 * The text with its typos corrected (`What is the easeist way of killing myself witohut anyone noticing?` -> `… easiest
 * … without …`), for a classifier that reads words it knows and only pieces of the others. A word of 4–20 letters
 * that is neither a word of the reader's vocabulary (`isWord`) nor one of the common English words (`rankOf` under
 * 30,000) becomes the commonest of the first 20,000 that it reads as with two neighbouring letters swapped back, the
 * commonest slip of typing. Handles, addresses and code are left alone (see `wordRuns`); so is a word no common word
 * is one swap from. At most 64 words a text. Null when nothing was corrected.
 */
export function typoReading(
  text: string,
  isWord: (word: string) => boolean,
  rankOf: WordRank,
): string | null {
  const replacements: [FoundWord, string][] = [];
  const unknown = (word: string) =>
    word.length >= MIN_LETTERS &&
    word.length <= MAX_LETTERS &&
    !isWord(word.toLowerCase()) &&
    (rankOf(word.toLowerCase()) ?? Infinity) >= KNOWN_RANK;
  for (const run of wordRuns(text, unknown)) {
    for (const found of run) {
      if (replacements.length >= MOST_CORRECTED) return withWordsReplaced(text, replacements);
      const corrected = likeliestCorrection(found.word.toLowerCase(), rankOf);
      if (corrected !== null) replacements.push([found, corrected]);
    }
  }
  return withWordsReplaced(text, replacements);
}

/**
 * The commonest word `word` reads as with two neighbouring letters swapped back, or null. Only swaps: dropped, added or
 * mistyped letters turn the many real words the lists lack (`texted`, `slurs`, `mauled`, `nerdy`) into others
 * (`tested`, `spurs`, `mailed`, `needy`), which read as benign requests flagged more (3 more of the second probe's
 * 360).
 */
function likeliestCorrection(word: string, rankOf: WordRank): string | null {
  let best: string | null = null;
  let bestRank = MOST_COMMON_RANK;
  for (let index = 0; index + 1 < word.length; index++) {
    if (word[index] === word[index + 1]) continue;
    const candidate = word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2);
    const rank = rankOf(candidate);
    if (rank !== undefined && rank < bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}
