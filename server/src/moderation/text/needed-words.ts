import { everyMatch } from './every-match';

/**
 * A reader's pattern and the plain words one of which it needs: the words of every reading are found in one pass over
 * the lower-cased text first (neededWordsIn), and a pattern runs only when one of its words is there.
 */
export interface WordGatedReading {
  needs: string[];
  pattern: RegExp;
}

/** One pattern for the whole words the readings need, longest first. */
export function neededWordsPattern(readings: WordGatedReading[]): RegExp {
  const needed = [...new Set(readings.flatMap((one) => one.needs))].sort((a, b) => b.length - a.length);
  return new RegExp(String.raw`\b(${needed.join('|')})\b`, 'g');
}

/** The needed words a text holds, found in a single pass over it lower-cased. */
export function neededWordsIn(text: string, needed: RegExp): Set<string> {
  return new Set([...everyMatch(needed, text.toLowerCase())].map((match) => match[1]));
}
