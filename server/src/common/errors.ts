/** Error vocabulary shared by every domain: each domain error names an HTTP status, an OpenAI error type and a code. */
export enum OpenAiErrorType {
  InvalidRequest = 'invalid_request_error',
  Authentication = 'authentication_error',
  Permission = 'permission_error',
  RateLimit = 'rate_limit_error',
  Server = 'server_error',
}

export interface ErrorBody {
  message: string;
  type: OpenAiErrorType;
  param: string | null;
  code: string | null;
}

export abstract class WardenError extends Error {
  abstract readonly status: number;
  abstract readonly type: OpenAiErrorType;
  readonly headers: Record<string, string> = {};
  /** Detail for the server's own log only (e.g. an upstream's status and body excerpt); never sent to clients. */
  logDetail?: Record<string, unknown>;

  constructor(
    readonly code: string,
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
