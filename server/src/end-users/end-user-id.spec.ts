import { endUserIdOf } from './end-user-id';

describe('endUserIdOf', () => {
  it('trims, and names no one for an empty or missing id', () => {
    expect(endUserIdOf(' alice ')).toBe('alice');
    expect(endUserIdOf('   ')).toBeNull();
    expect(endUserIdOf(undefined)).toBeNull();
  });

  it('is the id the request log stores: NUL characters and lone surrogates become U+FFFD', () => {
    expect(endUserIdOf('mallory\u0000')).toBe('mallory\ufffd');
    expect(endUserIdOf('trudy\ud800')).toBe('trudy\ufffd');
    expect(endUserIdOf('\udc00bob')).toBe('\ufffdbob');
    expect(endUserIdOf('emoji \ud83d\ude00')).toBe('emoji \ud83d\ude00');
  });
});
