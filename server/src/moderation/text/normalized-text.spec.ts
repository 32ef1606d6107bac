import { foldCodePoint, normalizeText } from './normalized-text';

const original = (text: string, start: number, end: number) => {
  const normalized = normalizeText(text);
  return text.slice(normalized.starts[start], normalized.ends[end - 1]);
};

describe('normalizeText', () => {
  it.each([
    ['b a n a n a', 'banana'],
    ['f.u.c.k', 'fuck'],
    ['sh.it happens', 'shit happens'],
    ['ba\u200bna\u00adna', 'banana'],
    ['b\u0430n\u0430n\u0430', 'banana'],
    ['c\u03bfffee', 'coffee'],
    ['s\u0566uid', 'squid'],
    ['\uff46\uff55\uff43\uff4b', 'fuck'],
    ['ba\u0301na\u0308na', 'banana'],
    ['FREE...money!', 'free money'],
    ['www.attack.com', 'www attack com'],
  ])('reads %j as %j', (text, expected) => {
    expect(normalizeText(text).text).toBe(expected);
  });

  it('reads a word through any run of invisible characters or marks inside it (zalgo text)', () => {
    expect(normalizeText('ba\u200b\u200b\u200b\u200bnana').text).toBe('banana');
    expect(normalizeText('b\u0336\u0335\u0321\u0322a\u0336\u0335\u0321\u0322d').text).toBe('bad');
    expect(normalizeText('ba\u200b\u200b\u200b\u200b nana').text).toBe('ba nana');
  });

  it('does not join ordinary words or two single letters', () => {
    expect(normalizeText('I am a b').text).toBe('i am a b');
    expect(normalizeText('this.Hit').text).toBe('this hit');
  });

  it('maps every normalized character back to the original text', () => {
    const text = 'say b . a\u200b n a n a now';
    const normalized = normalizeText(text);
    const start = normalized.text.indexOf('banana');
    expect(original(text, start, start + 6)).toBe('b . a\u200b n a n a');
    expect(normalized.words.map((word) => text.slice(word.start, word.end))).toEqual([
      'say',
      'b . a\u200b n a n a',
      'now',
    ]);
  });

  it('splits segments at every non-letter for the second reading', () => {
    expect(normalizeText('e.g. attack').segments.map((segment) => segment.text)).toEqual([
      'e',
      'g',
      'attack',
    ]);
  });

  it("folds only non-ASCII code points: ASCII letters are not each other's confusables", () => {
    expect(foldCodePoint('m')).toBe('m');
    expect(foldCodePoint('l')).toBe('l');
    expect(foldCodePoint('\u0456')).toBe('i');
    expect(foldCodePoint('\u200b')).toBe('');
  });

  it('maps a word that ends on a letter outside the BMP back to its whole original range', () => {
    // Deseret letters are astral and fold to themselves (lower case): two units each, both mapped.
    const text = 'x\u{10400} and \u{10400}\u{10400}';
    const words = normalizeText(text).words;
    expect(words.map(({ start, end }) => text.slice(start, end))).toEqual([
      'x\u{10400}',
      'and',
      '\u{10400}\u{10400}',
    ]);
  });
});
