import { CommonErrorCode } from '../common/errors';
import { MAX_PROMPTS, parseCreateCompletion } from './completions.dto';

describe('completion request parsing: lists of prompts', () => {
  it(`takes up to ${MAX_PROMPTS} prompts, as strings or token-id arrays`, () => {
    expect(
      parseCreateCompletion({ model: 'm', prompt: new Array(MAX_PROMPTS).fill('') }).prompt,
    ).toHaveLength(MAX_PROMPTS);
    expect(
      parseCreateCompletion({ model: 'm', prompt: new Array(MAX_PROMPTS).fill([1]) }).prompt,
    ).toHaveLength(MAX_PROMPTS);
  });

  it('refuses a longer list before reading its items, naming prompt', () => {
    for (const item of ['', [1]]) {
      expect(() => parseCreateCompletion({ model: 'm', prompt: new Array(1_000_000).fill(item) })).toThrow(
        expect.objectContaining({ code: CommonErrorCode.InvalidValue, param: 'prompt' }),
      );
    }
  });

  it('counts one prompt of token ids as one prompt, however many ids it holds', () => {
    expect(parseCreateCompletion({ model: 'm', prompt: new Array(5_000).fill(7) }).prompt).toHaveLength(
      5_000,
    );
  });
});
