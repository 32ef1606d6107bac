import { CommonErrorCode, InvalidRequestError, WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    limits: LimitsErrorCode;
  }
}

export enum LimitsErrorCode {
  PromptTooLong = 'prompt_too_long',
  MaxTokensTooLarge = 'max_tokens_too_large',
  TotalTokensTooLarge = 'total_tokens_too_large',
}

export class LengthLimitError extends InvalidRequestError {}

export class RateLimitError extends WardenError {
  constructor(message: string, headers: Record<string, string>, retryAfterMs: number) {
    super(CommonErrorCode.RateLimitExceeded, message);
    Object.assign(this.headers, headers, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    });
  }
}
