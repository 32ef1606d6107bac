import { WordRank } from './joined-words';
import { FoundWord, isContractionEnd, withWordsReplaced, wordRuns } from './word-runs';

/** The commonest word written with these consonants in this order (`bmb` -> `bomb`), if any. */
export type VowelRestorer = (consonants: string) => string | undefined;

/** Vowel-less words in a row, at least this many, for a run to be read as a text stripped of its vowels. */
const MIN_RUN_WORDS = 4;
/**
 * Of them, at least this many different words (and half of the different words of two letters or more) read as
 * commoner words.
 */
const MIN_RESTORED_WORDS = 2;

/** How common a word with `y` for its vowel must be to be read as written: `myth` and `gym` are within it. */
const COMMON_Y_WORD_RANK = 10_000;

const VOWELS = /[aeiou]/g;
const HAS_VOWEL = /[aeiou]/i;
/** Four vowel-less words in a row, whatever stands between them: what `wordRuns` looks for, and more. */
const VOWELLESS_RUN = new RegExp(
  `(?<![a-z])[b-df-hj-np-tv-z]+(?:[^a-z]+[b-df-hj-np-tv-z]+){${MIN_RUN_WORDS - 1}}(?![a-z])`,
  'i',
);
const LOWER_ASCII_WORD = /^[a-z]{2,}$/;

/**
 * Files words listed most frequent first under their consonants (`bomb` under `bmb`, `myself` under `myslf`; `y` is
 * kept, as the jailbreak suites that strip vowels keep it), the first listed of each kept. One pass over the list;
 * each look-up after is one map read.
 */
export function vowelRestorerOf(wordsByFrequency: Iterable<string>): VowelRestorer {
  const commonest = new Map<string, string>();
  for (const word of wordsByFrequency) {
    if (!LOWER_ASCII_WORD.test(word)) continue;
    const consonants = word.replace(VOWELS, '');
    if (consonants.length > 0 && !commonest.has(consonants)) commonest.set(consonants, word);
  }
  return (consonants) => commonest.get(consonants);
}

/**
 * The text with its vowels put back where a run of words was written without them (`Hw d  mk  bmb t hm?` -> `how
 * do  make  bomb to him?`), as jailbreak suites strip them to slip a request past a filter that reads words: each
 * vowel-less word of the run becomes the commonest word with its consonants (`restore`; `rankOf`, how common a word
 * is, lower first). A run is four or more vowel-less words of prose in a row of which two different ones or more (and
 * half of its different words of two letters or more) read as commoner words so (`hw` -> `how`; `my`, `by`, `why`,
 * `html` stay as they are and do not count), so English, whose vowel-less words are few and apart, is left alone.
 * Null when no run is found.
 */
export function vowelRestoredReading(text: string, restore: VowelRestorer, rankOf: WordRank): string | null {
  // Most texts hold no four vowel-less words in a row: one scan spares them the look at every word.
  if (!VOWELLESS_RUN.test(text)) return null;
  const replacements: [FoundWord, string][] = [];
  for (const run of wordRuns(text, (word) => !HAS_VOWEL.test(word))) {
    if (run.length < MIN_RUN_WORDS) continue;
    const restored = run.map((found) =>
      isContractionEnd(text, found) ? null : restoredWord(found.word.toLowerCase(), restore, rankOf),
    );
    const telling = new Set(restored.filter((word, index) => word !== null && run[index].word.length >= 2));
    const longer = new Set(run.filter(({ word }) => word.length >= 2).map(({ word }) => word.toLowerCase()))
      .size;
    if (telling.size < MIN_RESTORED_WORDS || telling.size * 2 < longer) continue;
    run.forEach((found, index) => {
      const word = found.word.toLowerCase();
      const reading =
        restored[index] ??
        (isContractionEnd(text, found) || isWordAsWritten(word, rankOf) ? null : restore(word));
      if (reading) replacements.push([found, reading]);
    });
  }
  return withWordsReplaced(text, replacements);
}

/**
 * A vowel-less word read with its vowels, when that is a commoner word than the word as written and the word as
 * written is not an English word with `y` for its vowel; else null.
 */
function restoredWord(word: string, restore: VowelRestorer, rankOf: WordRank): string | null {
  if (isWordAsWritten(word, rankOf)) return null;
  const restored = restore(word);
  if (restored === undefined || restored === word) return null;
  const rank = rankOf(word);
  return rank === undefined || rankOf(restored)! < rank ? restored : null;
}

/**
 * `my`, `by`, `why`, `try`, `gym`, `myth`: common English words whose vowel is `y`, which stripping vowels leaves as
 * they are (rarer ones, as `sy`, are more likely a stripped `say`).
 */
function isWordAsWritten(word: string, rankOf: WordRank): boolean {
  return word.includes('y') && (rankOf(word) ?? Infinity) < COMMON_Y_WORD_RANK;
}
