import { InvalidRequestError, NotFoundError, WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    inference: InferenceErrorCode;
  }
}

export enum InferenceErrorCode {
  ModelNotFound = 'model_not_found',
  ContextLengthExceeded = 'context_length_exceeded',
  UnsupportedParameter = 'unsupported_parameter',
  EngineOverloaded = 'engine_overloaded',
  EngineFailed = 'engine_failed',
  UpstreamError = 'upstream_error',
  UpstreamTimeout = 'upstream_timeout',
  UpstreamUnavailable = 'upstream_unavailable',
  UpstreamRateLimited = 'upstream_rate_limited',
  UpstreamBadResponse = 'upstream_bad_response',
  /** The model server refused the request itself (its 4xx), passed on as a 400. */
  UpstreamRejected = 'upstream_rejected',
}

export class ModelNotFoundError extends NotFoundError {
  constructor(model: string) {
    super(
      InferenceErrorCode.ModelNotFound,
      `The model \`${model}\` does not exist or you do not have access to it.`,
      'model',
    );
  }
}

export class InferenceRequestError extends InvalidRequestError {}

/** The model backend failed or is out of reach: never the client's fault, so never a 4xx but 429 upstream. */
export class InferenceBackendError extends WardenError {
  constructor(code: InferenceErrorCode, message: string) {
    super(code, message);
  }
}
