import { LengthLimitError, LimitsErrorCode } from './limits.errors';
import { LengthLimits } from './limits.types';

/**
 * Real text averages well under this many UTF-8 bytes per token in every common tokenizer (English ~4, code ~5,
 * CJK up to ~9 where a token merges three characters), so a text longer than `maxPromptTokens` × this is refused
 * by its size alone, before any tokenizer sees it. That bounds tokenizing (which runs on the api's event loop,
 * at roughly 10 µs a byte for stories260K's tokenizer) by the policy rather than by the 4 MB body limit.
 */
export const MAX_BYTES_PER_TOKEN = 16;

/** Refuses texts whose UTF-8 size alone proves them longer than the policy's prompt limit. */
export function assertWithinByteLimit(texts: string[], limits: LengthLimits, param: string): void {
  const maxBytes = limits.maxPromptTokens * MAX_BYTES_PER_TOKEN;
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  if (bytes > maxBytes) {
    throw new LengthLimitError(
      LimitsErrorCode.PromptTooLong,
      `\`${param}\` is ${bytes} bytes long; this application's policy allows at most ${limits.maxPromptTokens} prompt tokens (maxPromptTokens), which is never more than ${maxBytes} bytes.`,
      param,
    );
  }
}

/** What one request asks to read and generate, in tokens. */
export interface TokenPlan {
  /** Tokens of each prompt (the suffix's tokens included), one entry per prompt of a batch. */
  promptTokens: number[];
  maxTokens: number;
  /** Sequences generated per prompt: best_of (which is at least n). */
  sequences: number;
  /** max_tokens was left out, so Warden may lower its default to fit the policy. */
  maxTokensDefaulted: boolean;
}

/** Every token a request may cost: what is read plus everything that may be generated. */
export function plannedTokens(plan: TokenPlan): number {
  const read = plan.promptTokens.reduce((sum, count) => sum + count, 0);
  return read + plan.promptTokens.length * plan.sequences * plan.maxTokens;
}

/** Lowers a defaulted max_tokens until the request fits the policy; an explicit one is never changed. */
export function fitMaxTokens(plan: TokenPlan, limits: LengthLimits): TokenPlan {
  if (!plan.maxTokensDefaulted) return plan;
  const read = plan.promptTokens.reduce((sum, count) => sum + count, 0);
  const room = Math.floor((limits.maxTotalTokens - read) / (plan.promptTokens.length * plan.sequences));
  const maxTokens = Math.max(1, Math.min(plan.maxTokens, limits.maxTokens, room));
  return { ...plan, maxTokens };
}

/**
 * The policy's length limits, counted with the target model's tokenizer: each prompt on its own against
 * maxPromptTokens, and the whole request (every prompt, and every sequence generated for it) against
 * maxTotalTokens, so n and best_of cannot multiply the limit.
 */
export function assertWithinLengthLimits(plan: TokenPlan, limits: LengthLimits): void {
  const error = lengthLimitError(plan, limits);
  if (error) throw error;
}

/** What `assertWithinLengthLimits` would throw, or null when the plan fits the policy. */
export function lengthLimitError(plan: TokenPlan, limits: LengthLimits): LengthLimitError | null {
  // Not Math.max(...promptTokens): a list of prompts is as long as the body allows, a million empty ones in 3 MB,
  // and one argument per prompt overflows the stack.
  const longest = plan.promptTokens.reduce((most, count) => (count > most ? count : most), 0);
  if (longest > limits.maxPromptTokens) {
    return new LengthLimitError(
      LimitsErrorCode.PromptTooLong,
      `The prompt is ${longest} tokens long; this application's policy allows at most ${limits.maxPromptTokens} prompt tokens (maxPromptTokens).`,
      'prompt',
    );
  }
  if (plan.maxTokens > limits.maxTokens) {
    return new LengthLimitError(
      LimitsErrorCode.MaxTokensTooLarge,
      `max_tokens is ${plan.maxTokens}; this application's policy allows at most ${limits.maxTokens} (maxTokens).`,
      'max_tokens',
    );
  }
  const total = plannedTokens(plan);
  if (total > limits.maxTotalTokens) {
    const read = plan.promptTokens.reduce((sum, count) => sum + count, 0);
    return new LengthLimitError(
      LimitsErrorCode.TotalTokensTooLarge,
      `The prompt (${read} tokens) plus ${plan.promptTokens.length * plan.sequences} sequence(s) of max_tokens (${plan.maxTokens}) is ${total} tokens; this application's policy allows at most ${limits.maxTotalTokens} in total (maxTotalTokens).`,
      'max_tokens',
    );
  }
  return null;
}

/** Where the model's tokenizer is not local, about four characters make a token in English text. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
