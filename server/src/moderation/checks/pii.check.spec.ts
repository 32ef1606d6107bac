import { detectPii, luhnValid } from './pii.check';

function categories(text: string): Record<string, string[]> {
  return Object.fromEntries(
    detectPii(text).map((verdict) => [
      verdict.category,
      verdict.spans!.map((span) => text.slice(span.start, span.end)),
    ]),
  );
}

describe('PII check', () => {
  it('finds e-mails, cards, national ids, phones, IPs and secrets with exact spans', () => {
    const text =
      'Mail jane.doe+x@example.co.uk, card 4242-4242-4242-4242, SSN 123-45-6789, NI AB 12 34 56 C, ' +
      'call +44 20 7946 0958, server 192.168.10.254 or 2001:db8:85a3:0:0:8a2e:370:7334, key sk-abcdefghijklmnopqrstuvwx1234';
    expect(categories(text)).toEqual({
      'pii/email': ['jane.doe+x@example.co.uk'],
      'pii/payment-card': ['4242-4242-4242-4242'],
      'pii/national-id': ['123-45-6789', 'AB 12 34 56 C'],
      'pii/phone': ['+44 20 7946 0958'],
      'pii/ip-address': ['192.168.10.254', '2001:db8:85a3:0:0:8a2e:370:7334'],
      'pii/secret': ['sk-abcdefghijklmnopqrstuvwx1234'],
    });
  });

  it('leaves lookalikes alone: Luhn failures, impossible SSNs, versions and plain numbers', () => {
    expect(
      detectPii('order 4242 4242 4242 4241, SSN 000-12-3456, version 1.2.3.4.5, 1999 was a year, 300.1.1.1'),
    ).toEqual([]);
  });

  it('finds keys and credentials named in assignments', () => {
    expect(categories('api_key = "AbCdEfGhIjKlMnOpQrStUv12"')['pii/secret']).toEqual([
      'AbCdEfGhIjKlMnOpQrStUv12',
    ]);
    expect(categories('-----BEGIN RSA PRIVATE KEY-----')['pii/secret']).toHaveLength(1);
  });

  it('takes a secret longer than its pattern bound whole, and only the value of an assignment', () => {
    const key = `sk-${'A1b2'.repeat(200)}`;
    expect(categories(`key ${key} end`)['pii/secret']).toEqual([key]);
    const token = 'Z'.repeat(600);
    expect(categories(`token = ${token}`)['pii/secret']).toEqual([token]);
  });

  it('finds the address at the end of an overlong local part', () => {
    const found = categories(`${'a'.repeat(500)}@example.com`)['pii/email'];
    expect(found).toEqual([`${'a'.repeat(64)}@example.com`]);
  });

  it('implements the Luhn check', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(false); // valid Luhn but too short for a card
  });

  it('finds e-mails and phones written with fullwidth forms and invisible characters, spans in the text as given', () => {
    const text =
      'Mail jane\u200d.doe\uff20example\uff0ecom or call \uff10\uff12\uff10 7946\u200b 0958, or jo@x.io.';
    expect(categories(text)).toEqual({
      'pii/email': ['jane\u200d.doe\uff20example\uff0ecom', 'jo@x.io'],
      'pii/phone': ['\uff10\uff12\uff10 7946\u200b 0958'],
    });
  });

  it('reports nothing in accented, Russian or emoji text without personal data', () => {
    expect(detectPii('Un caf\u00e9 na\u00eff, \u043f\u0440\u0438\u0432\u0435\u0442 \u2764\ufe0f')).toEqual(
      [],
    );
  });
});
