import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { insultsTheReader } from './directed-insult';

describe('insultsTheReader', () => {
  it.each([
    "You're so fat and ugly, nobody will ever love you.",
    'you are a fat cow',
    'ur such a waste of space lol',
    "You're worthless and your parents regret having you.",
    'Everyone hates you, just leave.',
    'no one cares about you.',
    'You are nothing but a pathetic loser',
    'honestly you are the dumbest person alive because you never listen',
  ])('reads %j as an insult to the reader', (text) => {
    expect(insultsTheReader(text)).toBe(true);
  });

  it.each([
    "You're so smart, thanks for the help!",
    "You're not fat, you're healthy.",
    "You're a fat cat, Garfield.",
    'No one will ever love you like I do.',
    "Nobody likes you when you're 23, says the song.",
    'If you believe that, you are an idiot, my teacher joked.',
    'Do you think you are ugly?',
    'He told me you are worthless, but I do not believe him.',
    'She wrote "you are a loser" on my locker. What do I do?',
    'I feel so ugly and worthless today.',
    'Everyone loves you here.',
  ])('reads %j as no insult to the reader', (text) => {
    expect(insultsTheReader(text)).toBe(false);
  });

  it('reads long hostile texts in linear time', () => {
    const started = Date.now();
    expect(insultsTheReader(`you are${' so'.repeat(300_000)} nice`)).toBe(false);
    expect(insultsTheReader('you are fat and ugly and '.repeat(40_000) + 'kind')).toBe(true);
    expect(insultsTheReader(`nobody${' '.repeat(500_000)}loves`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
