/** The one catalog of error bodies the public API answers with; suites compare against these. */
export const OPENAI_ERRORS = {
  missingKey: { status: 401, type: 'invalid_request_error', code: 'missing_api_key', param: null },
  invalidKey: { status: 401, type: 'invalid_request_error', code: 'invalid_api_key', param: null },
  revokedKey: { status: 401, type: 'invalid_request_error', code: 'key_revoked', param: null },
  unknownParameter: { status: 400, type: 'invalid_request_error', code: 'unknown_parameter' },
  invalidValue: { status: 400, type: 'invalid_request_error', code: 'invalid_value' },
  missingParameter: {
    status: 400,
    type: 'invalid_request_error',
    code: 'missing_required_parameter',
    param: 'model',
  },
  invalidJson: { status: 400, type: 'invalid_request_error', code: 'invalid_request', param: null },
  modelNotFound: { status: 404, type: 'invalid_request_error', code: 'model_not_found', param: 'model' },
  upstreamRejected: { status: 400, type: 'invalid_request_error', code: 'upstream_rejected', param: null },
  upstreamRateLimited: { status: 429, type: 'rate_limit_error', code: 'upstream_rate_limited', param: null },
  upstreamFailed: { status: 502, type: 'server_error', code: 'upstream_error', param: null },
  upstreamTimeout: { status: 504, type: 'server_error', code: 'upstream_timeout', param: null },
  internal: { status: 500, type: 'server_error', code: 'internal_error', param: null },
  routeNotFound: { status: 404, type: 'invalid_request_error', code: 'not_found', param: null },
  suspendedKey: { status: 401, type: 'invalid_request_error', code: 'key_suspended', param: null },
  terminatedKey: { status: 401, type: 'invalid_request_error', code: 'key_terminated', param: null },
  expiredKey: { status: 401, type: 'invalid_request_error', code: 'key_expired', param: null },
  applicationSuspended: { status: 403, type: 'permission_error', code: 'application_suspended', param: null },
  applicationTerminated: {
    status: 403,
    type: 'permission_error',
    code: 'application_terminated',
    param: null,
  },
} as const;

export type OpenAiErrorName = keyof typeof OPENAI_ERRORS;
