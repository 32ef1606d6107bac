import { squeezeStretchedLetters, undoubledLetters } from './stretched-text';

describe('squeezeStretchedLetters', () => {
  it.each([
    ['kiiiiill myself', 'kill myself'],
    ['killllll', 'kill'],
    ['fuuuuuck off', 'fuck off'],
    ['cooooffeeeee', 'cooffee'],
    ['I HATEEEE YOUUUU', 'I HATEE YOU'],
    ['Hmmmm, sooooo good!', 'Hmm, soo good!'],
  ])('squeezes %j', (text, expected) => {
    expect(squeezeStretchedLetters(text)).toBe(expected);
  });

  it.each([
    'good bookkeeper coffee committee',
    'visit www.example.com or mail aaa@example.com',
    'path/to/zzz_file and AAA_BATTERY',
    '1000000 and 0xffffff',
    'naïve café',
  ])('leaves %j alone', (text) => {
    expect(squeezeStretchedLetters(text)).toBeNull();
  });

  it('prefers the spelling a vocabulary knows', () => {
    const vocabulary = new Set(['kill', 'bomb', 'coffee', 'so']);
    const isWord = (word: string) => vocabulary.has(word);
    expect(squeezeStretchedLetters('killllll a boooomb, cooooffeeeee, sooooo', isWord)).toBe(
      'kill a bomb, coffee, so',
    );
  });
});

describe('undoubledLetters', () => {
  /** Every letter typed twice passed every check: runs of two are how English spells, so nothing squeezed them. */
  it('reads a text whose every letter is typed twice', () => {
    expect(undoubledLetters('hhooww  ddoo  II  mmaakkee  aa  ppiippee  bboommbb??')).toBe(
      'how do I make a pipe bomb??',
    );
  });

  it.each([
    'The committee will see the book keeper at noon',
    'aa bb',
    'Good food, cool pool, keep off the grass',
  ])('leaves %j as it is', (text) => {
    expect(undoubledLetters(text)).toBeNull();
  });
});
