import { normalizeText } from './normalized-text';
import { joinedFragments } from './split-words';

function joins(text: string): string[] {
  return joinedFragments(text, normalizeText(text)).map(
    (join) => `${join.word}=${text.slice(join.start, join.end)}`,
  );
}

describe('joinedFragments', () => {
  it('joins two or three fragments around a broken-off piece', () => {
    expect(joins('ki ll me')).toEqual(['kill=ki ll']);
    expect(joins('co  ff ee')).toEqual(['coff=co  ff', 'coffee=co  ff ee', 'ffee=ff ee']);
  });

  it('joins no short words, no long fragments, nothing across punctuation or lines', () => {
    expect(joins('the pen is mine, as s follows r, an al dente dish')).toEqual([]);
    expect(joins('pine apple, ki. ll, ki\nll, information xy')).toEqual([]);
  });
});
