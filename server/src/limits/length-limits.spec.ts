import { LimitsErrorCode } from './limits.errors';
import { assertWithinByteLimit, assertWithinLengthLimits, fitMaxTokens, TokenPlan } from './length-limits';

describe('length limits', () => {
  const limits = { maxPromptTokens: 100, maxTokens: 50, maxTotalTokens: 120 };
  const plan = (promptTokens: number[], maxTokens: number, sequences = 1): TokenPlan => ({
    promptTokens,
    maxTokens,
    sequences,
    maxTokensDefaulted: false,
  });

  it('lets a request within every limit through', () => {
    expect(() => assertWithinLengthLimits(plan([100], 20), limits)).not.toThrow();
  });

  it.each([
    [[101], 10, 1, LimitsErrorCode.PromptTooLong, 'maxPromptTokens'],
    [[10], 51, 1, LimitsErrorCode.MaxTokensTooLarge, 'maxTokens'],
    [[80], 50, 1, LimitsErrorCode.TotalTokensTooLarge, 'maxTotalTokens'],
    [[30], 40, 3, LimitsErrorCode.TotalTokensTooLarge, 'maxTotalTokens'],
    [[60, 60], 10, 1, LimitsErrorCode.TotalTokensTooLarge, 'maxTotalTokens'],
  ])(
    'refuses prompts %j with max_tokens %d × %d sequences as %s naming %s',
    (prompts, maxTokens, sequences, code, limit) => {
      expect(() => assertWithinLengthLimits(plan(prompts, maxTokens, sequences), limits)).toThrow(
        expect.objectContaining({ code, message: expect.stringContaining(limit) }),
      );
    },
  );

  it('lowers a defaulted max_tokens to fit, and leaves an explicit one alone', () => {
    const defaulted = { ...plan([20, 20], 16, 3), maxTokensDefaulted: true };
    expect(fitMaxTokens(defaulted, limits).maxTokens).toBe(13);
    expect(() => assertWithinLengthLimits(fitMaxTokens(defaulted, limits), limits)).not.toThrow();
    expect(fitMaxTokens(plan([20, 20], 16, 3), limits).maxTokens).toBe(16);
  });

  it('refuses by UTF-8 size before any tokenizer runs', () => {
    expect(() => assertWithinByteLimit(['a'.repeat(1600)], limits, 'prompt')).not.toThrow();
    expect(() => assertWithinByteLimit(['é'.repeat(801)], limits, 'prompt')).toThrow(
      expect.objectContaining({ code: LimitsErrorCode.PromptTooLong, param: 'prompt' }),
    );
  });

  it('judges a million prompts without one argument per prompt (the stack overflowed)', () => {
    const many = new Array<number>(1_000_000).fill(0);
    many[999_999] = 101;
    expect(() => assertWithinLengthLimits(plan(many, 0), limits)).toThrow(
      expect.objectContaining({ code: LimitsErrorCode.PromptTooLong }),
    );
    expect(() =>
      assertWithinLengthLimits(plan(new Array<number>(1_000_000).fill(0), 0), limits),
    ).not.toThrow();
  });
});
