/** Error vocabulary shared by every domain: each domain error names an HTTP status, an OpenAI error type and a code. */
export enum OpenAiErrorType {
  InvalidRequest = 'invalid_request_error',
  Authentication = 'authentication_error',
  Permission = 'permission_error',
  RateLimit = 'rate_limit_error',
  Server = 'server_error',
}

/** Codes that belong to no one domain: request-shape problems, framework answers, the unknown failure. */
export enum CommonErrorCode {
  InvalidBody = 'invalid_body',
  InvalidRequestBody = 'invalid_request_body',
  InvalidValue = 'invalid_value',
  UnknownParameter = 'unknown_parameter',
  MissingRequiredParameter = 'missing_required_parameter',
  InvalidListQuery = 'invalid_list_query',
  InvalidRequest = 'invalid_request',
  BodyTooLarge = 'body_too_large',
  NotFound = 'not_found',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  RateLimitExceeded = 'rate_limit_exceeded',
  InternalError = 'internal_error',
}

/**
 * Every domain registers its code enum here from its own `<domain>.errors.ts` (declaration merging), so `common`
 * imports no domain while `ErrorCode` is the union of every enum: a raw string is not a code, and the filters'
 * mapping (`server/src/error-catalog.ts`) must name every code.
 */
export interface ErrorCodeRegistry {
  common: CommonErrorCode;
}
export type ErrorCode = ErrorCodeRegistry[keyof ErrorCodeRegistry];

export interface ErrorBody {
  message: string;
  type: OpenAiErrorType;
  param: string | null;
  code: ErrorCode | null;
}

export abstract class WardenError extends Error {
  abstract readonly status: number;
  abstract readonly type: OpenAiErrorType;
  readonly headers: Record<string, string> = {};
  /** Detail for the server's own log only (e.g. an upstream's status and body excerpt); never sent to clients. */
  logDetail?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): ErrorBody {
    return { message: this.message, type: this.type, param: this.param, code: this.code };
  }
}

export class InvalidRequestError extends WardenError {
  readonly status = 400;
  readonly type = OpenAiErrorType.InvalidRequest;
}

export class NotFoundError extends WardenError {
  readonly status = 404;
  readonly type = OpenAiErrorType.InvalidRequest;
}
