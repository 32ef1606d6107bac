import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    completions: CompletionsErrorCode;
  }
}

export enum CompletionsErrorCode {
  LoggingUnavailable = 'logging_unavailable',
  InternalError = 'internal_error',
}

export class CompletionsError extends WardenError {
  constructor(code: CompletionsErrorCode, message: string) {
    super(code, message);
  }

  /** Warden does not serve output it cannot log for misuse review. */
  static loggingUnavailable(): CompletionsError {
    return new CompletionsError(
      CompletionsErrorCode.LoggingUnavailable,
      'The request log is unavailable, so the completion was withheld. Retry shortly.',
    );
  }

  static internal(requestId: string): CompletionsError {
    return new CompletionsError(
      CompletionsErrorCode.InternalError,
      `The server had an error while processing your request. Quote request id ${requestId} when reporting it.`,
    );
  }
}
