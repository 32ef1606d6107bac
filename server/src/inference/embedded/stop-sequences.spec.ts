import { StopSequenceMatcher } from './stop-sequences';

function run(stops: string[], chunks: string[]): { shown: string[]; stopped: boolean; rest: string } {
  const matcher = new StopSequenceMatcher(stops);
  const shown: string[] = [];
  for (const chunk of chunks) {
    const { emit, stopped } = matcher.push(chunk);
    shown.push(emit);
    if (stopped) {
      return { shown, stopped, rest: '' };
    }
  }
  return { shown, stopped: false, rest: matcher.flush() };
}

describe('StopSequenceMatcher', () => {
  it('passes text through without stop sequences', () => {
    expect(run([], ['a', 'b'])).toEqual({ shown: ['a', 'b'], stopped: false, rest: '' });
  });

  it('cuts at a stop sequence inside one chunk, excluding it', () => {
    expect(run(['.'], ['Hello. World'])).toEqual({ shown: ['Hello'], stopped: true, rest: '' });
  });

  it('finds a stop sequence split across chunks and never shows part of it', () => {
    expect(run(['\n\n'], ['one\n', '\ntwo'])).toEqual({ shown: ['one', ''], stopped: true, rest: '' });
    expect(run(['END'], ['the E', 'N', 'D'])).toEqual({ shown: ['the ', '', ''], stopped: true, rest: '' });
  });

  it('releases held text once it cannot begin a stop sequence', () => {
    expect(run(['END'], ['the E', 'D', 'x'])).toEqual({
      shown: ['the ', 'ED', 'x'],
      stopped: false,
      rest: '',
    });
    expect(run(['END'], ['the E'])).toEqual({ shown: ['the '], stopped: false, rest: 'E' });
  });

  it('stops at the earliest of several sequences', () => {
    expect(run(['world', 'lo'], ['hello world'])).toEqual({ shown: ['hel'], stopped: true, rest: '' });
  });

  it('holds the longest possible beginning among several sequences', () => {
    const matcher = new StopSequenceMatcher(['abc', 'bcd']);
    expect(matcher.push('xab')).toEqual({ emit: 'x', stopped: false });
    expect(matcher.push('cd')).toEqual({ emit: '', stopped: true });
  });

  it('ignores empty stop strings', () => {
    expect(run([''], ['abc'])).toEqual({ shown: ['abc'], stopped: false, rest: '' });
  });
});
