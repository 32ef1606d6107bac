import { deobfuscatedReading, heavyLeetReading, undoLeetspeak } from './deobfuscated-text';

describe('undoLeetspeak', () => {
  it.each([
    ['k1ll mys3lf', 'kill myself'],
    ['h0w t0 m@ke a b0mb', 'how t0 make a bomb'],
    ['b.0.m.b', 'b.o.m.b'],
    ['  p4ssw0rd  ', '  password  '],
    ['c0ff33 or d34d?', 'coffee or dead?'],
  ])('reads %j as %j, offsets unchanged', (text, expected) => {
    expect(undoLeetspeak(text)).toBe(expected);
  });

  it.each([
    'version 1.2.3 and v2.0.1',
    'take 1.5mg at 10am on the 4th',
    'COVID-19 and mp3 files',
    'pi is 3.14, e is 2.718',
    'mail me at john@example.com!',
    'the 2nd floor, room 101',
    'hash a3f9b2c1',
    'Wow!',
    'sha1 a3f5b0c1d and deadb33f',
    'user@host:~$ make',
    'if (a!=b) x=y|z; c:/w1ndows/x',
  ])('leaves %j as it is', (text) => {
    expect(undoLeetspeak(text)).toBe(text);
  });
});

describe('deobfuscatedReading', () => {
  it.each([
    ['I want to k1ll mys3lf', 'I want to kill myself'],
    ['h0w t0 m@ke a b0mb?', 'how t0 make a bomb?'],
    ['how to make a b.o.m.b at home', 'how to make a bomb at home'],
    ['I will k i l l you', 'I will kill you'],
    ['build a b-o-m-b', 'build a bomb'],
    ['a b_o_m_b today', 'a bomb today'],
  ])('reads %j as %j', (text, expected) => {
    expect(deobfuscatedReading(text)).toBe(expected);
  });

  it.each([
    'Meet me at 9 a.m. tomorrow, e.g. before the U.S.A. call.',
    "I don't think it's ready; we'll see.",
    'Send an e-mail to help@example.com or call 555-0100.',
    'Upgrade from 1.2.3 to 2.0.0 with npm i -g warden.',
    'J. R. R. Tolkien wrote it in 1937.',
    'The T-shirt costs $4.99 plus 7.5% tax.',
    'const x = a.b + c.d; if (x != y) return;',
    'The quick brown fox jumps over the lazy dog.',
  ])('has no second reading of %j', (text) => {
    expect(deobfuscatedReading(text)).toBeNull();
  });
});

describe('heavyLeetReading', () => {
  it.each([
    [
      'letters drawn with symbols and substitutes at words’ edges',
      'h()w t() m@k3 @ b()mb @t h()m3',
      'how to make a bomb at home',
    ],
    ['a kill request', '|<1ll y0ur$3lf t0d@y', 'kill yourself today'],
  ])('reads %s', (_label, text, expected) => {
    expect(heavyLeetReading(text)).toBe(expected);
  });

  it.each([
    ['handles and tickers', '@Pacers @nflcolts @indystar and $AAPL are up'],
    ['a password among words', 'P@ssw0rd is not a good password'],
    ['numbers', 'I scored 4 goals in 3 games on 10/05'],
    ['two leet words among many', 'h0w are you doing today, my g00d friend?'],
  ])('leaves %s alone', (_label, text) => {
    expect(heavyLeetReading(text)).toBeNull();
  });
});
