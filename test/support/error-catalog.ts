import { ApiKeyErrorCode } from '../../server/src/api-keys/api-keys.errors';
import { ApplicationsErrorCode } from '../../server/src/applications/applications.errors';
import { InferenceErrorCode } from '../../server/src/inference/inference.errors';
import { ResearchAccessErrorCode } from '../../server/src/research-grants/research-grants.errors';

/**
 * The one catalog of error bodies the public API answers with; suites compare against these. Codes come from the
 * domains' code enums, so renaming a code on the server changes what the suites expect (codes still written as
 * strings here have no enum on the server yet).
 */
export const OPENAI_ERRORS = {
  missingKey: {
    status: 401,
    type: 'invalid_request_error',
    code: ApiKeyErrorCode.MissingApiKey,
    param: null,
  },
  invalidKey: {
    status: 401,
    type: 'invalid_request_error',
    code: ApiKeyErrorCode.InvalidApiKey,
    param: null,
  },
  revokedKey: { status: 401, type: 'invalid_request_error', code: ApiKeyErrorCode.KeyRevoked, param: null },
  unknownParameter: { status: 400, type: 'invalid_request_error', code: 'unknown_parameter' },
  invalidValue: { status: 400, type: 'invalid_request_error', code: 'invalid_value' },
  missingParameter: {
    status: 400,
    type: 'invalid_request_error',
    code: 'missing_required_parameter',
    param: 'model',
  },
  invalidJson: { status: 400, type: 'invalid_request_error', code: 'invalid_request', param: null },
  modelNotFound: {
    status: 404,
    type: 'invalid_request_error',
    code: InferenceErrorCode.ModelNotFound,
    param: 'model',
  },
  upstreamRejected: { status: 400, type: 'invalid_request_error', code: 'upstream_rejected', param: null },
  upstreamRateLimited: {
    status: 429,
    type: 'rate_limit_error',
    code: InferenceErrorCode.UpstreamRateLimited,
    param: null,
  },
  upstreamFailed: { status: 502, type: 'server_error', code: InferenceErrorCode.UpstreamError, param: null },
  upstreamTimeout: {
    status: 504,
    type: 'server_error',
    code: InferenceErrorCode.UpstreamTimeout,
    param: null,
  },
  internal: { status: 500, type: 'server_error', code: 'internal_error', param: null },
  routeNotFound: { status: 404, type: 'invalid_request_error', code: 'not_found', param: null },
  suspendedKey: {
    status: 401,
    type: 'invalid_request_error',
    code: ApiKeyErrorCode.KeySuspended,
    param: null,
  },
  terminatedKey: {
    status: 401,
    type: 'invalid_request_error',
    code: ApiKeyErrorCode.KeyTerminated,
    param: null,
  },
  expiredKey: { status: 401, type: 'invalid_request_error', code: ApiKeyErrorCode.KeyExpired, param: null },
  applicationSuspended: {
    status: 403,
    type: 'permission_error',
    code: ApplicationsErrorCode.ApplicationSuspended,
    param: null,
  },
  applicationTerminated: {
    status: 403,
    type: 'permission_error',
    code: ApplicationsErrorCode.ApplicationTerminated,
    param: null,
  },
  researchQuotaExceeded: {
    status: 429,
    type: 'rate_limit_error',
    code: ResearchAccessErrorCode.QuotaExceeded,
    param: null,
  },
  researchLogprobsNotAllowed: {
    status: 400,
    type: 'invalid_request_error',
    code: ResearchAccessErrorCode.ParameterNotAllowed,
    param: 'logprobs',
  },
  researchEchoNotAllowed: {
    status: 400,
    type: 'invalid_request_error',
    code: ResearchAccessErrorCode.ParameterNotAllowed,
    param: 'echo',
  },
  researchGrantNotActive: {
    status: 403,
    type: 'permission_error',
    code: ResearchAccessErrorCode.GrantNotActive,
    param: null,
  },
} as const;

export type OpenAiErrorName = keyof typeof OPENAI_ERRORS;
