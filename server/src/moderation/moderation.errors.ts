import { InvalidRequestError } from '../common/errors';
import { Verdict } from './moderation.types';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    moderation: ModerationErrorCode;
  }
}

export enum ModerationErrorCode {
  ContentFilter = 'content_filter',
  UnmoderatablePrompt = 'unmoderatable_prompt',
  UnsupportedInput = 'unsupported_input',
  TooManyInputs = 'too_many_inputs',
  InputTooLarge = 'input_too_large',
  HeldCompletionNotFound = 'held_completion_not_found',
  HeldCompletionDecided = 'held_completion_decided',
}

export class ModerationError extends InvalidRequestError {
  static inputBlocked(
    verdicts: Array<Pick<Verdict, 'check' | 'category'>>,
    param = 'prompt',
  ): ModerationError {
    const categories = [
      ...new Set(
        verdicts.map((verdict) =>
          verdict.category === 'check-failure' ? `check-failure: ${verdict.check}` : verdict.category,
        ),
      ),
    ];
    return new ModerationError(
      ModerationErrorCode.ContentFilter,
      `The prompt was blocked by this application's content policy (${categories.join(', ')}).`,
      param,
    );
  }

  static unmoderatablePrompt(): ModerationError {
    return new ModerationError(
      ModerationErrorCode.UnmoderatablePrompt,
      'Token-id prompts cannot be moderated for this model, whose tokenizer is not local; send the prompt as text.',
      'prompt',
    );
  }
}
