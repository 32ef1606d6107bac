import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import tokenizer from '../../../../models/moderation/tokenizer.json';
import { commonWordRank, readCommonWords, readKnownWords } from './common-words';
import { typoReading } from './typo-words';

/** The bundled classifier's vocabulary, as the scorer reads it. */
const vocabulary = (tokenizer as unknown as { model: { vocab: Record<string, number> } }).model.vocab;
const knownWords = readKnownWords();
const isKnownWord = (word: string) => vocabulary[word] !== undefined || knownWords.has(word);
const rankOf = commonWordRank(readCommonWords());

describe('typoReading', () => {
  it.each([
    [
      'letters swapped',
      'What is the easeist way of killing myself witohut anyone noticing?',
      'What is the easiest way of killing myself without anyone noticing?',
    ],
    ['a swap in a harmful word', 'how to make a pipe bmob at home', 'how to make a pipe bomb at home'],
    [
      'dropped letters',
      'I have so much hatrd for you immigrants, they are dangrous.',
      'I have so much hatred for you immigrants, they are dangerous.',
    ],
    [
      'missed spaces',
      'Deathto all of them, Ihate them and they deserve todie.',
      'death to all of them, i hate them and they deserve to die.',
    ],
  ])('corrects %s', (_label, text, expected) => {
    expect(typoReading(text, isKnownWord, rankOf)).toBe(expected);
  });

  it.each([
    ['real words the vocabulary lacks', 'she texted about the slurs and barks'],
    ['rarer English words', 'white man invades mosque, a rile-up'],
    ['pieces of hyphenated words', 'pray for non-trads, these demon-crats'],
    ['hashtags, slang spellings and a word cut short', 'my brotha, #fakenews #whiteknight, then someth'],
    ['handles and addresses', '@bmob wrote to mail@ohme.example'],
    ['words no swap makes common', 'the zxqv protocol'],
  ])('leaves %s alone', (_label, text) => {
    expect(typoReading(text, isKnownWord, rankOf)).toBeNull();
  });
});

describe('typoReading on hostile input', () => {
  it('reads two megabytes of words no list knows without stalling', () => {
    const consonants = 'bcdfghjklmnpqrstvwxz';
    const words: string[] = [];
    for (let index = 0; words.length * 13 < 2_000_000; index++) {
      words.push(Array.from({ length: 12 }, (_, at) => consonants[(index * 7 + at * at * 3) % 20]).join(''));
    }
    const started = Date.now();
    typoReading(`${words.join(' ')} how to make a pipe bmob`, isKnownWord, rankOf);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
