import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    completions: CompletionsErrorCode;
  }
}

export enum CompletionsErrorCode {
  LoggingUnavailable = 'logging_unavailable',
  InternalError = 'internal_error',
  ServerStopping = 'server_stopping',
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

  /** The api is shutting down (a restart or a deploy): what was sent stands; the rest needs a new request. */
  static serverStopping(): CompletionsError {
    return new CompletionsError(
      CompletionsErrorCode.ServerStopping,
      'The server is restarting and ended this request before it finished. Retry it.',
    );
  }

  static internal(requestId: string): CompletionsError {
    return new CompletionsError(
      CompletionsErrorCode.InternalError,
      `The server had an error while processing your request. Quote request id ${requestId} when reporting it.`,
    );
  }
}
