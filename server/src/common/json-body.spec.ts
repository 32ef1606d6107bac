import { CommonErrorCode, InvalidRequestError } from './errors';
import { parseJsonBody, prototypeKeyPath } from './json-body';

function refusal(text: string): InvalidRequestError {
  try {
    parseJsonBody(text);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidRequestError);
    expect((err as InvalidRequestError).code).toBe(CommonErrorCode.InvalidRequest);
    return err as InvalidRequestError;
  }
  throw new Error(`accepted ${text}`);
}

describe('parseJsonBody', () => {
  it('reads any JSON value, including keys that only look like the refused ones', () => {
    expect(parseJsonBody('{"model":"m","prompt":["a"]}')).toEqual({ model: 'm', prompt: ['a'] });
    expect(parseJsonBody(' [1, null, "x"] ')).toEqual([1, null, 'x']);
    const harmless =
      '{"prompt":"what is __proto__ or a constructor?","metadata":{"constructor":"Ada","proto":1}}';
    expect(parseJsonBody(harmless)).toEqual(JSON.parse(harmless));
    expect(parseJsonBody('{"prompt":"caf\\u00e9"}')).toEqual({ prompt: 'café' });
  });

  it('says the body is empty', () => {
    expect(refusal('').message).toBe('The body is empty: send a JSON object.');
    expect(refusal(' \n').message).toBe('The body is empty: send a JSON object.');
  });

  it('says where malformed JSON goes wrong', () => {
    expect(refusal('{"model": ').message).toMatch(/^The body is not valid JSON: .*(end|position)/);
    expect(refusal('{"model": "m",}').message).toMatch(/position 14/);
  });

  it('refuses a __proto__ key anywhere, however it is spelled, and names where it is', () => {
    expect(refusal('{"__proto__": {"admin": true}, "email": "x"}').message).toContain(
      'refuses at "__proto__" (',
    );
    expect(refusal('{"messages":[{"role":"user","content":"x","__proto__":{}}]}').message).toContain(
      'at "messages" › "__proto__"',
    );
    expect(refusal('{"a":{"\\u005f_proto\\u005f_":{"polluted":1}}}').message).toContain('"a" › "__proto__"');
  });

  it('refuses a constructor holding a prototype, and only that', () => {
    expect(refusal('{"constructor":{"prototype":{"admin":true}}}').message).toContain(
      '"constructor" › "prototype"',
    );
    expect(parseJsonBody('{"constructor":{"name":"x"}}')).toEqual({ constructor: { name: 'x' } });
  });

  it('walks nesting deeper than the call stack without overflowing it', () => {
    const depth = 200_000;
    const deep = `${'{"a":['.repeat(depth)}{"__proto__":1}${']}'.repeat(depth)}`;
    const path = prototypeKeyPath(JSON.parse(deep));
    expect(path).toEqual(['a', 'a', 'a', 'a', 'a', 'a', '__proto__']);
    expect(prototypeKeyPath(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toBeNull();
  });
});
