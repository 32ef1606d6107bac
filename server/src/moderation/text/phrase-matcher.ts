import { Span } from '../moderation.types';
import { NormalizedText, NormalizedWord, normalizeText } from './normalized-text';

/** A word reduced to its letters without repeats (`coffee` -> `cofe`) and how often each repeats ([1,1,2,2]). */
interface Shape {
  key: string;
  runs: number[];
}

interface Entry {
  shapes: Shape[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Entries whose last word is this node's. */
  entries: Entry[];
}

/** A repeat this long is stretching (`fuuuck`, `coffeeee`), not spelling: `good` is not `god`. */
const MIN_STRETCH = 3;

function shape(word: string): Shape {
  const letters: string[] = [];
  const runs: number[] = [];
  for (const character of word) {
    if (character === letters[letters.length - 1]) runs[runs.length - 1]++;
    else {
      letters.push(character);
      runs.push(1);
    }
  }
  return { key: letters.join(''), runs };
}

/** A text word spells an entry word when every letter repeats as often, or is visibly stretched. */
function spells(text: Shape, entry: Shape): boolean {
  if (text.key !== entry.key) return false;
  return text.runs.every(
    (run, index) => run === entry.runs[index] || (run > entry.runs[index] && run >= MIN_STRETCH),
  );
}

/** The word itself and the singulars an English plural could stand for: bananas, peaches, cherries. */
function singulars(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s')) {
    forms.push(word.slice(0, -1));
    if (word.endsWith('es')) forms.push(word.slice(0, -2));
    if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  }
  return forms;
}

/**
 * Whole-word matching of words and phrases over normalized text: an entry matches a run of consecutive words
 * (its last word may be plural), never part of a word, so `rangers` is not a slur and `pineapple` matches
 * `pineapples` but not `pinapple`. A trie over the words' shapes keeps it linear in the text for a fixed list.
 */
export class PhraseMatcher {
  private readonly root: TrieNode = { children: new Map(), entries: [] };
  private depth = 0;
  /** The longest entry, in normalized characters. */
  readonly longestEntry: number = 0;

  constructor(entries: string[]) {
    for (const entry of entries) {
      const words = normalizeText(entry).words.map((word) => word.text);
      if (words.length === 0) continue;
      const shapes = words.map(shape);
      let node = this.root;
      for (const { key } of shapes) {
        let child = node.children.get(key);
        if (!child) {
          child = { children: new Map(), entries: [] };
          node.children.set(key, child);
        }
        node = child;
      }
      node.entries.push({ shapes });
      this.depth = Math.max(this.depth, shapes.length);
      this.longestEntry = Math.max(this.longestEntry, words.join(' ').length);
    }
  }

  get empty(): boolean {
    return this.depth === 0;
  }

  /** Original spans of every match in both readings of the text (split at punctuation, and joined). */
  match(normalized: NormalizedText): Span[] {
    if (this.empty) return [];
    const seen = new Set<string>();
    return [...this.matchWords(normalized.segments), ...this.matchWords(normalized.words)].filter((span) => {
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private matchWords(words: NormalizedWord[]): Span[] {
    const spans: Span[] = [];
    const shapes = words.map((word) => shape(word.text));
    for (let first = 0; first < words.length; first++) {
      let node: TrieNode | undefined = this.root;
      for (let last = first; node && last < words.length && last - first < this.depth; last++) {
        for (const form of singulars(words[last].text)) {
          const formShape = form === words[last].text ? shapes[last] : shape(form);
          const ending = node.children.get(formShape.key);
          const matched = ending?.entries.some((entry) =>
            entry.shapes.every((entryShape, offset) =>
              spells(offset === entry.shapes.length - 1 ? formShape : shapes[first + offset], entryShape),
            ),
          );
          if (matched) {
            spans.push({ start: words[first].start, end: words[last].end });
            break;
          }
        }
        node = node.children.get(shapes[last].key);
      }
    }
    return spans;
  }
}
