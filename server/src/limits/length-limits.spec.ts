import { assertWithinLengthLimits } from './length-limits';

describe('length limits', () => {
  const limits = { maxPromptTokens: 100, maxTokens: 50, maxTotalTokens: 120 };

  it('lets a request within every limit through', () => {
    expect(() => assertWithinLengthLimits([100], 20, limits)).not.toThrow();
  });

  it.each([
    [[101], 10, 'prompt_too_long', 'maxPromptTokens'],
    [[10], 51, 'max_tokens_too_large', 'maxTokens'],
    [[80], 50, 'total_tokens_too_large', 'maxTotalTokens'],
  ])('refuses prompt %j with max_tokens %d as %s naming %s', (prompts, maxTokens, code, limit) => {
    expect(() => assertWithinLengthLimits(prompts, maxTokens, limits)).toThrow(
      expect.objectContaining({ code, status: 400, message: expect.stringContaining(limit) }),
    );
  });

  it('holds each prompt of a batch to the limit on its own', () => {
    expect(() => assertWithinLengthLimits([60, 60], 10, limits)).not.toThrow();
    expect(() => assertWithinLengthLimits([60, 101], 10, limits)).toThrow(
      expect.objectContaining({ code: 'prompt_too_long' }),
    );
  });
});
