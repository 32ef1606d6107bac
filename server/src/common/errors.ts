/**
 * Error vocabulary shared by every domain. A domain error names a code, a message and the parameter at fault; how a
 * code answers (HTTP status, OpenAI error type) is the catalog's alone (`server/src/error-catalog.ts`).
 */
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
  RequestTimeout = 'request_timeout',
  HeadersTooLarge = 'headers_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
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
}

export class InvalidRequestError extends WardenError {}

export class NotFoundError extends WardenError {}

/** How one code answers: the HTTP status (both surfaces) and, on `/v1`, OpenAI's error `type`. */
export interface ErrorPresentation {
  status: number;
  type: OpenAiErrorType;
}

/**
 * The one lookup from an error to its answer. `server/src/error-catalog.ts` builds it over every code (a `Record`,
 * so a code without an entry does not compile) and the application's root provides it, so `common` and the domains
 * read statuses without importing the catalog, which imports every domain.
 */
export class ErrorCatalog {
  constructor(private readonly presentations: Record<ErrorCode, ErrorPresentation>) {}

  presentationOf(code: ErrorCode): ErrorPresentation {
    return this.presentations[code];
  }

  statusOf(error: WardenError): number {
    return this.presentations[error.code].status;
  }

  bodyOf(error: WardenError): ErrorBody {
    const { type } = this.presentations[error.code];
    return { message: error.message, type, param: error.param, code: error.code };
  }
}
