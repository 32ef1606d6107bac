import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../../config/repository-root';
import { WordRank } from './joined-words';

/** GloVe's 30,000 most frequent lower-case English words, most frequent first (see the folder's SOURCE.txt). */
export const COMMON_WORDS_FILE = path.join(
  REPOSITORY_ROOT,
  'data',
  'moderation',
  'common-words',
  'words.txt',
);

/** GloVe's next 70,000 lower-case English words: with the common ones, the words a typo is told apart from. */
export const RARER_WORDS_FILE = path.join(
  REPOSITORY_ROOT,
  'data',
  'moderation',
  'common-words',
  'rarer-words.txt',
);

/** The common English words, most frequent first. */
export function readCommonWords(file = COMMON_WORDS_FILE): string[] {
  // The list keeps words of two letters or more; `a` and `i` are among the commonest of all.
  return ['a', 'i', ...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)];
}

/** The 100,000 commonest English words, the common ones and the rarer: whether a word is English at all. */
export function readKnownWords(common = readCommonWords(), file = RARER_WORDS_FILE): Set<string> {
  return new Set([...common, ...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)]);
}

/**
 * Where a word ranks by how common it is in English (0 the most): its place among `words`, or after all of them its
 * place in a `fallback` ranking (a vocabulary's ids), or undefined. A WordPiece vocabulary's ids follow the order its
 * pieces were merged, which is not how common words are (`white` 414, `what` 471, `th` 338, `the` 340), so readers
 * that pick the likeliest of several words rank by this.
 */
export function commonWordRank(words: string[], fallback?: WordRank): WordRank {
  const ranks = new Map(words.map((word, rank) => [word, rank]));
  return (word) => {
    const rank = ranks.get(word);
    if (rank !== undefined) return rank;
    const later = fallback?.(word);
    return later === undefined ? undefined : words.length + later;
  };
}
