import { foldText, originalRange } from './folded-text';

function folded(text: string): string | null {
  return foldText(text)?.text ?? null;
}

describe('foldText', () => {
  it.each([
    ['Cyrillic look-alikes inside a Latin word', 'how to k\u0456ll myself', 'how to kill myself'],
    [
      'a whole word in Cyrillic look-alikes in an English sentence',
      'make a \u0412\u041e\u041c\u0412 now',
      'make a BOMB now',
    ],
    ['Greek look-alikes inside a Latin word', 'b\u03bfmb', 'bomb'],
    ['fullwidth letters and digits', '\uff4b\uff49\uff4c\uff4c \uff11\uff12', 'kill 12'],
    ['mathematical bold', '\u{1d424}\u{1d422}\u{1d425}\u{1d425}', 'kill'],
    ['mathematical sans-serif capitals', '\u{1d5de}\u{1d5e0}\u{1d5d7}', 'KMD'],
    ['circled letters', '\u24da\u24d8\u24db\u24db', 'kill'],
    ['squared capitals', '\u{1f130}\u{1f131}', 'AB'],
    ['small capitals', '\u1d0b\u026a\u029f\u029f', 'kill'],
    ['zero-width characters inside a word', 'ki\u200b\u200cl\u200dl \ufeffme', 'kill me'],
    ['a soft hyphen and a word joiner', 'sui\u00adci\u2060de', 'suicide'],
    ['variation selectors and tags after letters', 'ki\ufe0fll\u{e0041}\u{e0042}', 'kill'],
    ['zalgo marks on Latin letters', 'k\u0336i\u0335\u0321l\u0322l', 'kill'],
    ['accented Latin letters', 'k\u00efll m\u00ff s\u00e9lf', 'kill my self'],
    [
      'letters with a stroke among Greek look-alikes',
      'h\u00d8w t\u00d8 m\u03b1k\u03b5 \u03b1 \u03b2\u00d8m\u03b2',
      'hOw tO make a bOmb',
    ],
    ['letters with a stroke', 'k\u0268\u0142\u0142 \u0127\u00f8w', 'kill how'],
    ['theta for o inside Latin words', 'H\u03b8w d\u03b8 I', 'How do I'],
    ['a fullwidth at sign in an address', 'mail john\uff20example\uff0ecom', 'mail john@example.com'],
    ['fullwidth digits of a phone number', '\uff10\uff17\uff17\uff10\uff10 900 123', '07700 900 123'],
  ])('reads %s', (_label, text, expected) => {
    expect(folded(text)).toBe(expected);
  });

  it.each([
    ['ASCII prose', 'Once upon a time the rangers walked to the park.'],
    [
      'a Russian sentence',
      '\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? \u0421\u043e\u0440 \u0438 \u0445\u043e\u0440.',
    ],
    [
      'a Greek sentence',
      '\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1, \u03c4\u03b9 \u03ba\u03ac\u03bd\u03b5\u03b9\u03c2;',
    ],
    [
      'Cyrillic look-alike words among Russian ones',
      '\u043c\u044b \u0432\u0438\u0434\u0435\u043b\u0438 \u0441\u043e\u0440 \u0438 \u0445\u043e\u0440 \u0432\u0447\u0435\u0440\u0430',
    ],
    [
      'emoji with joiners and variation selectors',
      'love \u2764\ufe0f and family \u{1f468}\u200d\u{1f469}\u200d\u{1f467} \u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
    ],
    ['flags', 'the flags \u{1f1e8}\u{1f1f4} and \u{1f1eb}\u{1f1f7} fly'],
    ['code, a URL and a hash', 'const x = a.b + c.d; https://example.com/a?b=c sha1 a3f5b0c1d'],
    [
      'Chinese, Arabic and Hindi',
      '\u4f60\u597d\u4e16\u754c \u0645\u0631\u062d\u0628\u0627 \u0928\u092e\u0938\u094d\u0924\u0947',
    ],
    ['Persian with its zero-width non-joiner', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645'],
    [
      'typography: quotes, dashes, ellipsis, a no-break space',
      '\u201cHello\u201d \u2014 she said\u2026 10\u00a0kg',
    ],
  ])('leaves %s alone', (_label, text) => {
    expect(foldText(text)).toBeNull();
  });

  it('keeps the meaning of accented words', () => {
    expect(folded('a na\u00efve caf\u00e9 in Z\u00fcrich')).toBe('a naive cafe in Zurich');
  });

  it('maps every folded character back to the original', () => {
    const text = '\u{1d41e}\u{1d426}\u{1d41a}\u{1d422}\u{1d425} jo\u200bhn\uff20example.com now';
    const result = foldText(text)!;
    expect(result.text).toBe('email john@example.com now');
    const at = result.text.indexOf('john');
    const end = result.text.indexOf(' now');
    const range = originalRange(result, at, end);
    expect(text.slice(range.start, range.end)).toBe('jo\u200bhn\uff20example.com');
    const word = originalRange(result, 0, 5);
    expect(text.slice(word.start, word.end)).toBe('\u{1d41e}\u{1d426}\u{1d41a}\u{1d422}\u{1d425}');
  });

  it('reads bodies of 1.5 million hostile characters', () => {
    expect(foldText('\u200b'.repeat(1_500_000))).toBeNull();
    expect(folded('k\u200b'.repeat(750_000))).toBe('k'.repeat(750_000));
    expect(folded('\u{1d424}'.repeat(750_000))).toBe('k'.repeat(750_000));
  });

  it('keeps a lone surrogate as given', () => {
    expect(folded('k\u0456ll \ud800 me')).toBe('kill \ud800 me');
  });
});
