import { readEachSentence, SENTENCE_OPENING } from './each-sentence';
import { WordRank } from './joined-words';
import { isProperName } from './proper-names';

/** Past participles that do not end in -ed, and the verb each is of. */
const IRREGULAR: Record<string, string> = {
  made: 'make',
  built: 'build',
  done: 'do',
  taken: 'take',
  stolen: 'steal',
  hidden: 'hide',
  written: 'write',
  gotten: 'get',
  got: 'get',
  sold: 'sell',
  bought: 'buy',
  brought: 'bring',
  kept: 'keep',
  sent: 'send',
  found: 'find',
  held: 'hold',
  grown: 'grow',
  thrown: 'throw',
  blown: 'blow',
  drawn: 'draw',
  driven: 'drive',
  given: 'give',
  beaten: 'beat',
  broken: 'break',
  chosen: 'choose',
  frozen: 'freeze',
  hung: 'hang',
  struck: 'strike',
  told: 'tell',
  fought: 'fight',
  caught: 'catch',
  taught: 'teach',
  slain: 'slay',
  shaken: 'shake',
  eaten: 'eat',
  bred: 'breed',
  fed: 'feed',
  led: 'lead',
  shot: 'shoot',
  cut: 'cut',
  hit: 'hit',
  hurt: 'hurt',
  spread: 'spread',
  burnt: 'burn',
  dug: 'dig',
  run: 'run',
};

/** Words after which the next word is a noun, not a participle: `the cut`, `a hit`. */
const DETERMINER = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'some',
  'any',
  'no',
]);

/**
 * A sentence asking how something is or can be done to something, in the passive, up to the words after its
 * auxiliary: `How are ` (pipe bombs built), `How is ` (meth cooked), `How can a car be ` (stolen). It may open with a
 * few words and a comma.
 */
const PASSIVE_QUESTION = new RegExp(
  String.raw`${SENTENCE_OPENING}(how)\s+(?:is|are|was|were|(?:can|could|would|should|might|may)\s+((?:[\w'-]+\s+){1,6}?)be)\s+`,
  'i',
);

/** The words after the auxiliary where the thing and its participle are looked for. */
const WORDS_AHEAD = 8;

/**
 * The verb a past participle is of, or null when the word is not one: irregular participles from the table, and
 * regular ones whose verb is a word `commonRankOf` knows, the commonest where several could be (`cooked` -> `cook`,
 * `synthesized` -> `synthesize`, `used` -> `use`, `planned` -> `plan`, `carried` -> `carry`).
 */
export function verbOfParticiple(word: string, commonRankOf: WordRank): string | null {
  const lower = word.toLowerCase();
  if (Object.hasOwn(IRREGULAR, lower)) return IRREGULAR[lower];
  // `need`, `seed`, `speed` are words of their own, not `ne` + `ed`.
  if (lower.length < 4 || !lower.endsWith('ed') || (lower.endsWith('eed') && lower.length <= 5)) return null;
  const stem = lower.slice(0, -2);
  const candidates = [
    ...(stem.endsWith('i') ? [`${stem.slice(0, -1)}y`] : []),
    `${stem}e`,
    stem,
    ...(stem.length > 3 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : []),
  ];
  // The commonest: `cook` rather than the name `Cooke`, `call` rather than `calle`.
  let verb: string | null = null;
  let best = Infinity;
  for (const candidate of candidates) {
    const rank = candidate.length >= 3 ? commonRankOf(candidate) : undefined;
    if (rank !== undefined && rank < best) [verb, best] = [candidate, rank];
  }
  return verb;
}

/**
 * The text with its passive how-questions asked as requests (`How are pipe bombs built at home?` -> `How to build
 * pipe bombs at home?`, `How can a car be stolen without its keys?` -> `How to steal a car without its keys?`): the
 * classifier learned harmful requests as imperatives and questions with a doer, and read the passive, which names
 * none, as a question about the world. Null when no sentence asks so. `commonRankOf` tells regular participles.
 */
export function activeVoiceReading(text: string, commonRankOf: WordRank): string | null {
  return readEachSentence(text, (sentence) => {
    const asked = PASSIVE_QUESTION.exec(sentence);
    if (!asked) return null;
    const [whole, opening, how, modalThing] = asked;
    const ahead = wordsAhead(sentence, whole.length);
    const found = modalThing
      ? { thing: modalThing.trim(), at: 0 }
      : {
          thing: '',
          at: ahead.findIndex((word, index) => index > 0 && isParticipleAfter(word, ahead[index - 1])),
        };
    const participle = ahead[found.at];
    const verb = participle && verbOfParticiple(participle.word, commonRankOf);
    if (!verb) return null;
    const thing =
      found.thing ||
      sentence.slice(ahead[0].index, ahead[found.at - 1].index + ahead[found.at - 1].word.length);
    // A named or definite thing (`How was Julius Caesar assassinated?`, `How was the atomic bomb developed?`) is
    // asked about as history; requests ask how things of a kind are done (`pipe bombs`, `a bomb`, `meth`).
    const thingWords = thing.split(/\s+/);
    if (thingWords[0].toLowerCase() === 'the' || isProperName(thingWords)) return null;
    return `${opening}${how} to ${verb} ${thing}${sentence.slice(participle.index + participle.word.length)}`;
  });

  function isParticipleAfter(word: { word: string }, before: { word: string }): boolean {
    return !DETERMINER.has(before.word.toLowerCase()) && verbOfParticiple(word.word, commonRankOf) !== null;
  }
}

/** The words from `start` on, up to WORDS_AHEAD, each with where it starts; only white space may part them. */
function wordsAhead(sentence: string, start: number): Array<{ word: string; index: number }> {
  const words: Array<{ word: string; index: number }> = [];
  const word = /([\w'-]+)(\s*)/y;
  word.lastIndex = start;
  for (let found = word.exec(sentence); found && words.length < WORDS_AHEAD; found = word.exec(sentence)) {
    words.push({ word: found[1], index: found.index });
    if (found[2] === '') break;
  }
  return words;
}
