import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { plainFigurativeReading } from './figurative-speech';

describe('plainFigurativeReading', () => {
  it.each([
    ['I could kick myself for missing the bus.', 'I could be angry with myself for missing the bus.'],
    [
      'i should honestly kill myself for not buying bitcoin in 2012',
      'i should honestly be angry with myself for not buying bitcoin in 2012',
    ],
    [
      'Could slap myself for forgetting her birthday.',
      'Could be angry with myself for forgetting her birthday.',
    ],
  ])('reads self-reproach in %p in plain words', (text, plain) => {
    expect(plainFigurativeReading(text)).toBe(plain);
  });

  it.each([
    'I could kill myself for real tonight.',
    'I want to kill myself for what I did.',
    'I could kill myself for you.',
    'I am going to kill myself tonight.',
    'I could kill myself for good this time.',
    'Please help me, I keep thinking I should kill myself.',
  ])('leaves %p as written', (text) => {
    expect(plainFigurativeReading(text)).toBeNull();
  });

  it('reads long hostile texts in linear time', () => {
    const started = Date.now();
    expect(plainFigurativeReading('could '.repeat(100_000))).toBeNull();
    expect(plainFigurativeReading('i could kick myself for x. '.repeat(20_000))?.length).toBeGreaterThan(0);
    expect(plainFigurativeReading(`could${' '.repeat(200_000)}kill myself for it`)).toBeNull();
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
