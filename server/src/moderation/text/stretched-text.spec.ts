import { squeezeStretchedLetters } from './stretched-text';

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
