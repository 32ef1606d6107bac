import { InvalidRequestError } from '../common/errors';

export enum LimitsErrorCode {
  PromptTooLong = 'prompt_too_long',
  MaxTokensTooLarge = 'max_tokens_too_large',
  TotalTokensTooLarge = 'total_tokens_too_large',
  UserRequired = 'user_required',
}

export class LengthLimitError extends InvalidRequestError {}
