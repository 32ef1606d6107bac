import { patternMatchBound } from './pattern-bound';

describe('patternMatchBound', () => {
  it.each([
    ['zanzibar', 8],
    ['[A-Z]{3}-\\d{4}', 8],
    ['launch code(?: [a-z]{1,8}){10}', 101],
    ['(?<id>ab|abcd)e?', 5],
    ['^foo(?=bar)\\b$', 3],
    ['\\u{1F600}x\\u00e9', 3],
    ['a{2,}', Infinity],
    ['secret.*', Infinity],
    ['(a+)+$', Infinity],
    ['(ab)\\1', Infinity],
    ['(unclosed', Infinity],
  ])('%s matches at most %d characters', (source, bound) => {
    expect(patternMatchBound(source)).toBe(bound);
  });
});
