import { HttpStatus } from '@nestjs/common';
import { ApiKeyErrorCode, ApiKeyManagementErrorCode } from '../../server/src/api-keys/api-keys.errors';
import {
  ApplicationReviewErrorCode,
  ApplicationsErrorCode,
} from '../../server/src/applications/applications.errors';
import { AuditErrorCode } from '../../server/src/audit/audit.errors';
import { BiasErrorCode } from '../../server/src/bias/bias.errors';
import { CalibrationErrorCode } from '../../server/src/calibration/calibration.errors';
import { CommonErrorCode, ErrorCode } from '../../server/src/common/errors';
import { EndUserErrorCode } from '../../server/src/end-users/end-users.errors';
import { ERROR_CATALOG } from '../../server/src/error-catalog';
import { FeedbackErrorCode } from '../../server/src/feedback/feedback.errors';
import { FilesErrorCode } from '../../server/src/files/files.errors';
import { FineTuningErrorCode } from '../../server/src/fine-tuning/fine-tuning.errors';
import { InferenceErrorCode } from '../../server/src/inference/inference.errors';
import { LimitsErrorCode } from '../../server/src/limits/limits.errors';
import { ModerationErrorCode } from '../../server/src/moderation/moderation.errors';
import { MonitoringErrorCode } from '../../server/src/monitoring/monitoring.errors';
import { OrganizationsErrorCode } from '../../server/src/organizations/organizations.errors';
import { RequestLogsErrorCode } from '../../server/src/request-logs/request-logs.errors';
import {
  ResearchAccessErrorCode,
  ResearchGrantErrorCode,
} from '../../server/src/research-grants/research-grants.errors';
import { StaffErrorCode } from '../../server/src/staff/staff.errors';
import { TopicalityErrorCode } from '../../server/src/topicality/topicality.errors';
import { CompletionsErrorCode } from '../../server/src/v1/completions.errors';
import { WebhooksErrorCode } from '../../server/src/webhooks/webhooks.errors';

/** The server's code enums: suites name codes through these, never as strings. */
export {
  ApiKeyErrorCode,
  ApiKeyManagementErrorCode,
  ApplicationReviewErrorCode,
  ApplicationsErrorCode,
  AuditErrorCode,
  BiasErrorCode,
  CalibrationErrorCode,
  CommonErrorCode,
  CompletionsErrorCode,
  EndUserErrorCode,
  FeedbackErrorCode,
  FilesErrorCode,
  FineTuningErrorCode,
  InferenceErrorCode,
  LimitsErrorCode,
  ModerationErrorCode,
  MonitoringErrorCode,
  OrganizationsErrorCode,
  RequestLogsErrorCode,
  ResearchAccessErrorCode,
  ResearchGrantErrorCode,
  StaffErrorCode,
  TopicalityErrorCode,
  WebhooksErrorCode,
};
export type { ErrorCode };

export interface ExpectedOpenAiError {
  status: number;
  type: string;
  code: ErrorCode;
  param?: string | null;
}

/**
 * What `/v1` answers with this code, generated from the server's catalog (status and OpenAI type by code); `param`
 * only when the suite pins it.
 */
export function openAiError(code: ErrorCode, param?: string | null): ExpectedOpenAiError {
  const { status, type } = ERROR_CATALOG[code];
  return { status, type, code, ...(param === undefined ? {} : { param }) };
}

/** What `/admin` and `/portal` answer with this code (the message is each suite's to check). */
export function staffError(code: ErrorCode): { statusCode: number; error: string } {
  const { status } = ERROR_CATALOG[code];
  return { statusCode: status, error: HttpStatus[status] ?? 'Error' };
}

/**
 * A whole `/admin` or `/portal` refusal as the suites' `request()` returns it (`{status, body}`), for `toMatchObject`:
 * status and envelope from the catalog, the message when the suite pins it (a string or a matcher).
 */
export function staffAnswer(
  code: ErrorCode,
  message?: unknown,
): { status: number; body: Record<string, unknown> } {
  const envelope = staffError(code);
  return {
    status: envelope.statusCode,
    body: { ...envelope, message: message ?? expect.any(String), requestId: expect.any(String) },
  };
}

/** OpenAI's `error` object for this code, as the SDK's `APIError.error` holds it (no status). */
export function openAiErrorBody(code: ErrorCode, param?: string | null): Omit<ExpectedOpenAiError, 'status'> {
  const { status: _status, ...fields } = openAiError(code, param);
  return fields;
}

/** A raw `fetch` answer (`{status, body: text}`) with its JSON body parsed, to compare with the answers above. */
export function withJsonBody(result: { status: number; body: string }): { status: number; body: unknown } {
  return { status: result.status, body: JSON.parse(result.body) as unknown };
}

/** A whole `/v1` refusal as `request()` returns it: status and OpenAI envelope from the catalog. */
export function openAiAnswer(
  code: ErrorCode,
  param?: string | null,
): { status: number; body: { error: Record<string, unknown> } } {
  const { status, ...fields } = openAiError(code, param);
  return { status, body: { error: { ...fields, message: expect.any(String) } } };
}

/** The bodies the suites compare most, by name; each generated from the catalog above. */
export const OPENAI_ERRORS = {
  missingKey: openAiError(ApiKeyErrorCode.MissingApiKey, null),
  invalidKey: openAiError(ApiKeyErrorCode.InvalidApiKey, null),
  revokedKey: openAiError(ApiKeyErrorCode.KeyRevoked, null),
  unknownParameter: openAiError(CommonErrorCode.UnknownParameter),
  invalidValue: openAiError(CommonErrorCode.InvalidValue),
  missingParameter: openAiError(CommonErrorCode.MissingRequiredParameter, 'model'),
  invalidJson: openAiError(CommonErrorCode.InvalidRequest, null),
  modelNotFound: openAiError(InferenceErrorCode.ModelNotFound, 'model'),
  upstreamRejected: openAiError(InferenceErrorCode.UpstreamRejected, null),
  upstreamRateLimited: openAiError(InferenceErrorCode.UpstreamRateLimited, null),
  upstreamFailed: openAiError(InferenceErrorCode.UpstreamError, null),
  upstreamTimeout: openAiError(InferenceErrorCode.UpstreamTimeout, null),
  internal: openAiError(CommonErrorCode.InternalError, null),
  routeNotFound: openAiError(CommonErrorCode.NotFound, null),
  suspendedKey: openAiError(ApiKeyErrorCode.KeySuspended, null),
  terminatedKey: openAiError(ApiKeyErrorCode.KeyTerminated, null),
  expiredKey: openAiError(ApiKeyErrorCode.KeyExpired, null),
  applicationSuspended: openAiError(ApplicationsErrorCode.ApplicationSuspended, null),
  applicationTerminated: openAiError(ApplicationsErrorCode.ApplicationTerminated, null),
  researchQuotaExceeded: openAiError(ResearchAccessErrorCode.QuotaExceeded, null),
  researchLogprobsNotAllowed: openAiError(ResearchAccessErrorCode.ParameterNotAllowed, 'logprobs'),
  researchEchoNotAllowed: openAiError(ResearchAccessErrorCode.ParameterNotAllowed, 'echo'),
  researchGrantNotActive: openAiError(ResearchAccessErrorCode.GrantNotActive, null),
} as const;

export type OpenAiErrorName = keyof typeof OPENAI_ERRORS;
