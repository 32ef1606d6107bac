import { everyMatch } from './every-match';

/** Each match's index, text and groups, as matchAll and everyMatch yield them alike. */
const read = (matches: Iterable<RegExpExecArray>) => [...matches].map((match) => [match.index, ...match]);

describe('everyMatch', () => {
  it('yields what matchAll yields, empty matches and whole code points included', () => {
    const cases: Array<[RegExp, string]> = [
      [/\b(kill|hurt)\s+(you)?/gi, 'I will KILL you, hurt him, kill'],
      [/x*/g, 'axxb'],
      [/x*/gu, 'a😀xb😀'],
      [/x*/g, 'a😀xb'],
      [/(?<![\p{L}])die(?![\p{L}])/giu, 'Die, dies, DIE'],
    ];
    for (const [pattern, text] of cases)
      expect(read(everyMatch(pattern, text))).toEqual(read(text.matchAll(pattern)));
  });

  it('starts from the pattern’s lastIndex, as matchAll does, and leaves it as it was', () => {
    const pattern = /a/g;
    pattern.lastIndex = 2;
    expect(read(everyMatch(pattern, 'aaaa'))).toEqual(read('aaaa'.matchAll(pattern)));
    expect(pattern.lastIndex).toBe(2);
    for (const _match of everyMatch(pattern, 'aaaa')) break;
    expect(pattern.lastIndex).toBe(2);
  });

  it('refuses a pattern that is not global, as matchAll does', () => {
    expect(() => [...everyMatch(/a/, 'a')]).toThrow(TypeError);
  });
});
