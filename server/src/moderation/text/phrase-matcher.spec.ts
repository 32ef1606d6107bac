import { normalizeText } from './normalized-text';
import { PhraseMatcher } from './phrase-matcher';

function matches(entries: string[], text: string): string[] {
  return new PhraseMatcher(entries)
    .match(normalizeText(text))
    .map((span) => text.slice(span.start, span.end));
}

describe('PhraseMatcher', () => {
  it('matches words with doubled letters, plurals and stretched letters', () => {
    expect(matches(['pineapple', 'coffee', 'attack'], 'pineapples, cofffeeee and an ATTACK')).toEqual(
      expect.arrayContaining(['pineapples', 'cofffeeee', 'ATTACK']),
    );
    expect(matches(['cherry'], 'cherries')).toEqual(['cherries']);
  });

  it('needs doubled letters to stay doubled, and whole words', () => {
    expect(matches(['coffee'], 'cofee')).toEqual([]);
    expect(matches(['god'], 'good')).toEqual([]);
    expect(matches(['ass'], 'a classic assessment')).toEqual([]);
    expect(matches(['banana'], 'bandana bananarama')).toEqual([]);
  });

  it('matches phrases across any punctuation and spacing, plural on the last word', () => {
    expect(matches(['free money'], 'FREE...money')).toEqual(['FREE...money']);
    expect(matches(['free money'], 'free  moneys')).toEqual(['free  moneys']);
    expect(matches(['free money'], 'free of money')).toEqual([]);
  });

  it('reads both the split and the joined text', () => {
    expect(matches(['attack'], 'e.g.attack and www.attack.com')).toEqual(['attack', 'attack']);
    expect(matches(['banana'], 'b-a-n-a-n-a')).toEqual(['b-a-n-a-n-a']);
  });
});
