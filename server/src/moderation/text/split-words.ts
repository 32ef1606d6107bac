import { Span } from '../moderation.types';
import { NormalizedText } from './normalized-text';

/**
 * Words of one or two letters a sentence holds anyway: no join holds one of these, so `pen is`, `as s` and
 * `an al` stay apart. Joins need a broken-off piece: two real words side by side are everywhere.
 */
const SHORT_WORDS = new Set(
  (
    'a i ad ah al am an as at aw ax be by do eh el ex go ha he hi ho id if in is it la le lo ma me mr ms mu my ' +
    'no of oh ok on or ow ox pa pi so to uh um up us vs we ya ye yo'
  ).split(' '),
);
/** A fragment this long or shorter may be the broken-off piece of a word (`ki ll`, `bit ch`). */
const SHORT_FRAGMENT = 2;
/** The longest piece beside it: the rest of a word, not a sentence. */
const LONGEST_FRAGMENT = 6;
/** Two or three fragments make a word (`fu ck`, `co ff ee`). */
const MOST_FRAGMENTS = 3;
/** Spaces an evader puts between the fragments. */
const MOST_SPACES = 3;
const LETTERS = /^[a-z]+$/;

/** A word split by spaces, joined, and the range of the original text its fragments cover. */
export interface JoinedFragments extends Span {
  word: string;
}

function isSpaces(text: string, start: number, end: number): boolean {
  if (end <= start || end - start > MOST_SPACES) return false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/**
 * Runs of two or three adjacent normalized words, parted by spaces only, joined (`ki ll` -> `kill`), where some
 * fragment is a broken-off piece (two letters or fewer) and none is a short word of its own. The matchers decide which joins
 * are words. Linear: each word starts at most MOST_FRAGMENTS - 1 joins, each of bounded length.
 */
export function joinedFragments(original: string, normalized: NormalizedText): JoinedFragments[] {
  const words = normalized.words;
  const found: JoinedFragments[] = [];
  for (let first = 0; first < words.length; first++) {
    let joined = '';
    let broken = false;
    for (let last = first; last < words.length && last - first < MOST_FRAGMENTS; last++) {
      const fragment = words[last].text;
      if (fragment.length > LONGEST_FRAGMENT || !LETTERS.test(fragment)) break;
      if (last > first && !isSpaces(original, words[last - 1].end, words[last].start)) break;
      if (SHORT_WORDS.has(fragment)) break;
      joined += fragment;
      broken ||= fragment.length <= SHORT_FRAGMENT;
      if (last > first && broken)
        found.push({ word: joined, start: words[first].start, end: words[last].end });
    }
  }
  return found;
}
