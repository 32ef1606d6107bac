import { LengthLimits } from '../moderation/policies/policy.types';
import { LengthLimitError, LimitsErrorCode } from './limits.errors';

/**
 * The policy's length limits, counted with the target model's tokenizer. Each prompt of a batch, and each
 * sequence generated for it (n, best_of), is held to the limits on its own, as each is its own generation.
 */
export function assertWithinLengthLimits(
  promptTokens: number[],
  maxTokens: number,
  limits: LengthLimits,
): void {
  const longest = Math.max(0, ...promptTokens);
  if (longest > limits.maxPromptTokens) {
    throw new LengthLimitError(
      LimitsErrorCode.PromptTooLong,
      `The prompt is ${longest} tokens long; this application's policy allows at most ${limits.maxPromptTokens} prompt tokens (maxPromptTokens).`,
      'prompt',
    );
  }
  if (maxTokens > limits.maxTokens) {
    throw new LengthLimitError(
      LimitsErrorCode.MaxTokensTooLarge,
      `max_tokens is ${maxTokens}; this application's policy allows at most ${limits.maxTokens} (maxTokens).`,
      'max_tokens',
    );
  }
  if (longest + maxTokens > limits.maxTotalTokens) {
    throw new LengthLimitError(
      LimitsErrorCode.TotalTokensTooLarge,
      `The prompt (${longest} tokens) plus max_tokens (${maxTokens}) is ${longest + maxTokens} tokens; this application's policy allows at most ${limits.maxTotalTokens} in total (maxTotalTokens).`,
      'max_tokens',
    );
  }
}

/** Where the model's tokenizer is not local, about four characters make a token in English text. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
