import { originalRange } from './folded-text';
import { decodeEscapes } from './escaped-text';
import { STALL_LIMIT_MS } from '../../../../test/support/stall';

describe('decodeEscapes', () => {
  it.each([
    ['b&#111;mb', 'bomb'],
    ['b&#x6F;mb and b&#X6f;mb', 'bomb and bomb'],
    ['b&#111mb', 'bomb'],
    ['caf&eacute; &amp; cr&egrave;me, na&iuml;ve', 'café & crème, naïve'],
    ['%62%6F%6D%62 and caf%C3%A9', 'bomb and café'],
    ['\\u0062\\u006f\\u006d\\u0062', 'bomb'],
    ['\\u{62}omb \\u{1F4A3}', 'bomb \u{1f4a3}'],
    ['\\x62\\x6fmb', 'bomb'],
  ])('reads %j as %j', (text, expected) => {
    expect(decodeEscapes(text)!.text).toBe(expected);
  });

  it('maps every decoded character back to the escape it came from', () => {
    const text = 'a c&#111;ffee, %63offee';
    const decoded = decodeEscapes(text)!;
    const word = decoded.text.indexOf('coffee');
    expect(originalRange(decoded, word, word + 'coffee'.length)).toEqual({ start: 2, end: 13 });
    const second = decoded.text.lastIndexOf('coffee');
    expect(originalRange(decoded, second, second + 1)).toEqual({ start: 15, end: 18 });
  });

  it('decodes one layer only, and reads bytes that are not UTF-8 as U+FFFD', () => {
    expect(decodeEscapes('&amp;#111;')!.text).toBe('&#111;');
    expect(decodeEscapes('%62%FF%6D%62')!.text).toBe('b\ufffdmb');
  });

  it.each([
    ['how to make a <b>bo</b>mb', 'how to make a bomb'],
    ['b<!-- a comment -->omb and k<span class="x">ill</span>ing', 'bomb and killing'],
    ['c<x>o</x>ff<font color=red>ee</font>', 'coffee'],
    ['one<br>two<br/>three</p><p>four', 'one two three  four'],
  ])('reads past the markup of %j as %j', (text, expected) => {
    expect(decodeEscapes(text)!.text).toBe(expected);
  });

  it('maps the letters around a tag back to themselves', () => {
    const text = 'I like cof<b></b>fee';
    const decoded = decodeEscapes(text)!;
    const word = decoded.text.indexOf('coffee');
    expect(originalRange(decoded, word, word + 'coffee'.length)).toEqual({ start: 7, end: text.length });
  });

  it('leaves comparisons, arrows, unclosed comments and placeholders as written', () => {
    expect(decodeEscapes('x<y, a -> b, <3 and <!-- never closed')).toBeNull();
    expect(decodeEscapes('Dear <Name>, your order from <URL> has shipped')).toBeNull();
  });

  it('reads a megabyte of tags and unclosed comments in one pass', () => {
    const started = Date.now();
    expect(decodeEscapes('<!--'.repeat(250_000))).toBeNull();
    expect(decodeEscapes('<b>'.repeat(330_000))!.text).toBe('');
    expect(decodeEscapes(`<a ${'x'.repeat(126)}`.repeat(8_000))).toBeNull();
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });

  it('leaves text without escapes, and what only looks like one, alone', () => {
    expect(decodeEscapes('Tom and Jerry, 50% off')).toBeNull();
    expect(decodeEscapes('&nosuchname; &#; &#x; %G1 \\u12 \\xZ1 &#99999999;')).toBeNull();
  });

  it('decodes a million escapes in one pass', () => {
    const started = Date.now();
    expect(decodeEscapes('%41'.repeat(1_000_000))!.text).toBe('A'.repeat(1_000_000));
    expect(decodeEscapes('&#65;'.repeat(200_000))!.text.length).toBe(200_000);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
