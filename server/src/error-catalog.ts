import { CalibrationErrorCode } from './calibration/calibration.errors';
import { FeedbackErrorCode } from './feedback/feedback.errors';
import { ResearchAccessErrorCode, ResearchGrantErrorCode } from './research-grants/research-grants.errors';
import { TopicalityErrorCode } from './topicality/topicality.errors';
import { ApiKeyErrorCode, ApiKeyManagementErrorCode } from './api-keys/api-keys.errors';
import { ApplicationReviewErrorCode, ApplicationsErrorCode } from './applications/applications.errors';
import { AuditErrorCode } from './audit/audit.errors';
import { BiasErrorCode } from './bias/bias.errors';
import { Global, Module } from '@nestjs/common';
import {
  CommonErrorCode,
  ErrorCatalog,
  ErrorCode,
  ErrorPresentation,
  OpenAiErrorType,
} from './common/errors';
import { EndUserErrorCode } from './end-users/end-users.errors';
import { FilesErrorCode } from './files/files.errors';
import { FineTuningErrorCode } from './fine-tuning/fine-tuning.errors';
import { InferenceErrorCode } from './inference/inference.errors';
import { LimitsErrorCode } from './limits/limits.errors';
import { ModerationErrorCode } from './moderation/moderation.errors';
import { MonitoringErrorCode } from './monitoring/monitoring.errors';
import { OrganizationsErrorCode } from './organizations/organizations.errors';
import { RequestLogsErrorCode } from './request-logs/request-logs.errors';
import { StaffErrorCode } from './staff/staff.errors';
import { CompletionsErrorCode } from './v1/completions.errors';
import { WebhooksErrorCode } from './webhooks/webhooks.errors';

const { InvalidRequest, Authentication, Permission, RateLimit, Server } = OpenAiErrorType;
const answer = (status: number, type: OpenAiErrorType = InvalidRequest): ErrorPresentation => ({
  status,
  type,
});

/**
 * Every error code Warden answers with, and how: error classes carry no status or type. The `Record` over the
 * union of every domain's code enum makes the compiler refuse a code without an entry; the error filter answers both
 * surfaces from here, the request log and metrics record the same status, and the test catalog
 * (`test/support/error-catalog.ts`) is generated from it. Codes shared by several enums (`application_not_found`)
 * appear once.
 */
export const ERROR_CATALOG: Record<ErrorCode, ErrorPresentation> = {
  [CommonErrorCode.InvalidBody]: answer(400),
  [CommonErrorCode.InvalidRequestBody]: answer(400),
  [CommonErrorCode.InvalidValue]: answer(400),
  [CommonErrorCode.UnknownParameter]: answer(400),
  [CommonErrorCode.MissingRequiredParameter]: answer(400),
  [CommonErrorCode.InvalidListQuery]: answer(400),
  [CommonErrorCode.InvalidRequest]: answer(400),
  [CommonErrorCode.BodyTooLarge]: answer(413),
  [CommonErrorCode.RequestTimeout]: answer(408),
  [CommonErrorCode.HeadersTooLarge]: answer(431),
  [CommonErrorCode.UnsupportedMediaType]: answer(415),
  [CommonErrorCode.NotFound]: answer(404),
  [CommonErrorCode.Unauthorized]: answer(401, Authentication),
  [CommonErrorCode.Forbidden]: answer(403, Permission),
  [CommonErrorCode.RateLimitExceeded]: answer(429, RateLimit),
  [CommonErrorCode.InternalError]: answer(500, Server),

  [ApiKeyErrorCode.MissingApiKey]: answer(401),
  [ApiKeyErrorCode.InvalidApiKey]: answer(401),
  [ApiKeyErrorCode.KeyRevoked]: answer(401),
  [ApiKeyErrorCode.KeySuspended]: answer(401),
  [ApiKeyErrorCode.KeyTerminated]: answer(401),
  [ApiKeyErrorCode.KeyExpired]: answer(401),
  [ApiKeyManagementErrorCode.KeyNotFound]: answer(404),
  [ApiKeyManagementErrorCode.ApplicationNotFound]: answer(404),
  [ApiKeyManagementErrorCode.InvalidKeyTransition]: answer(409),
  [ApiKeyManagementErrorCode.ApplicationNotAcceptingKeys]: answer(409),
  [ApiKeyManagementErrorCode.ExpiryInPast]: answer(400),
  [ApiKeyManagementErrorCode.ApplicationUnderEnforcement]: answer(409),
  [ApiKeyManagementErrorCode.ActiveKeyLimitReached]: answer(409),

  [ApplicationsErrorCode.ApplicationSuspended]: answer(403, Permission),
  [ApplicationsErrorCode.ApplicationTerminated]: answer(403, Permission),
  [ApplicationReviewErrorCode.InvalidTransition]: answer(409),
  [ApplicationReviewErrorCode.NotEditable]: answer(409),
  [OrganizationsErrorCode.SelfReview]: answer(403),
  [ApplicationReviewErrorCode.ChecklistIncomplete]: answer(400),
  [ApplicationReviewErrorCode.ReReviewInPast]: answer(400),
  [ApplicationReviewErrorCode.InvalidPolicy]: answer(400),

  [AuditErrorCode.AuditEventNotFound]: answer(404),

  [BiasErrorCode.RunNotFound]: answer(404),
  [BiasErrorCode.UnknownModel]: answer(400),
  [BiasErrorCode.NoModel]: answer(400),
  [BiasErrorCode.RunNotCompleted]: answer(409),
  [BiasErrorCode.QueueUnavailable]: answer(503, Server),

  [EndUserErrorCode.EndUserBlocked]: answer(403, Permission),
  [EndUserErrorCode.UserRequired]: answer(400),
  [EndUserErrorCode.EndUserNotFound]: answer(404),

  [FilesErrorCode.NotFound]: answer(404),
  [FilesErrorCode.InvalidUpload]: answer(400),
  [FilesErrorCode.InvalidPurpose]: answer(400),
  [FilesErrorCode.InvalidTrainingFile]: answer(400),
  [FilesErrorCode.TooLarge]: answer(413),

  [FineTuningErrorCode.JobNotFound]: answer(404),
  [FineTuningErrorCode.ModelNotFound]: answer(404),
  [FineTuningErrorCode.InvalidRequest]: answer(400),
  [FineTuningErrorCode.UnsupportedModel]: answer(400),
  [FineTuningErrorCode.ApplicationNotLive]: answer(403, Permission),
  [FineTuningErrorCode.QuotaExceeded]: answer(429, RateLimit),
  [FineTuningErrorCode.NotCancellable]: answer(400),
  [FineTuningErrorCode.ModelAwaitingReview]: answer(403, Permission),
  [FineTuningErrorCode.InvalidTransition]: answer(409),
  [FineTuningErrorCode.TrainingFileFlagged]: answer(400),
  [FineTuningErrorCode.TrainingFileRejected]: answer(400),
  [FineTuningErrorCode.TrainingFailed]: answer(400),

  [InferenceErrorCode.ModelNotFound]: answer(404),
  [InferenceErrorCode.ContextLengthExceeded]: answer(400),
  [InferenceErrorCode.UnsupportedParameter]: answer(400),
  [InferenceErrorCode.EngineOverloaded]: answer(503, Server),
  [InferenceErrorCode.EngineFailed]: answer(500, Server),
  [InferenceErrorCode.UpstreamError]: answer(502, Server),
  [InferenceErrorCode.UpstreamTimeout]: answer(504, Server),
  [InferenceErrorCode.UpstreamUnavailable]: answer(502, Server),
  [InferenceErrorCode.UpstreamRateLimited]: answer(429, RateLimit),
  [InferenceErrorCode.UpstreamBadResponse]: answer(502, Server),
  [InferenceErrorCode.UpstreamRejected]: answer(400),

  [LimitsErrorCode.PromptTooLong]: answer(400),
  [LimitsErrorCode.MaxTokensTooLarge]: answer(400),
  [LimitsErrorCode.TotalTokensTooLarge]: answer(400),

  [ModerationErrorCode.ContentFilter]: answer(400),
  [ModerationErrorCode.UnmoderatablePrompt]: answer(400),
  [ModerationErrorCode.UnsupportedInput]: answer(400),
  [ModerationErrorCode.TooManyInputs]: answer(400),
  [ModerationErrorCode.InputTooLarge]: answer(400),
  [ModerationErrorCode.HeldCompletionNotFound]: answer(404),
  [ModerationErrorCode.HeldCompletionDecided]: answer(400),

  [MonitoringErrorCode.MetricsTokenRequired]: answer(401, Authentication),
  [MonitoringErrorCode.InvalidWindow]: answer(400),
  [MonitoringErrorCode.AlertNotFound]: answer(404),
  [MonitoringErrorCode.InvalidAlertTransition]: answer(409),
  [MonitoringErrorCode.AnomalyRuleNotFound]: answer(404),
  [MonitoringErrorCode.InvalidAnomalyRule]: answer(400),

  [OrganizationsErrorCode.OrganizationNotFound]: answer(404),
  [OrganizationsErrorCode.OrganizationExists]: answer(409),

  [RequestLogsErrorCode.RequestLogNotFound]: answer(404),

  [StaffErrorCode.Unauthenticated]: answer(401, Authentication),
  [StaffErrorCode.InvalidCredentials]: answer(401, Authentication),
  [StaffErrorCode.InvalidRefreshToken]: answer(401, Authentication),
  [StaffErrorCode.StaffNotFound]: answer(404),
  [StaffErrorCode.EmailTaken]: answer(409),
  [StaffErrorCode.LastAdmin]: answer(409),
  [StaffErrorCode.CannotDeleteSelf]: answer(409),

  [CompletionsErrorCode.LoggingUnavailable]: answer(503, Server),
  [CompletionsErrorCode.ServerStopping]: answer(503, Server),

  [WebhooksErrorCode.InvalidWebhookUrl]: answer(400),
  [WebhooksErrorCode.PrivateWebhookUrl]: answer(400),
  [WebhooksErrorCode.UnresolvableWebhookHost]: answer(400),
  [WebhooksErrorCode.WebhookNotConfigured]: answer(409),
  [ApiKeyManagementErrorCode.ExpiryRequired]: answer(400),
  [ApiKeyManagementErrorCode.ExpiryBeyondGrant]: answer(400),
  [ApplicationReviewErrorCode.GrantTermsMissing]: answer(409),
  [FineTuningErrorCode.ExampleTooLong]: answer(400),
  [FineTuningErrorCode.InvalidTrainingExample]: answer(400),
  [FineTuningErrorCode.ModelNotDeletable]: answer(403, Permission),

  [FeedbackErrorCode.CallNotFound]: answer(404),
  [FeedbackErrorCode.UnknownCategory]: answer(400),
  [FeedbackErrorCode.QueueNotFound]: answer(404),
  [FeedbackErrorCode.QueueClosed]: answer(409),
  [FeedbackErrorCode.ItemNotFound]: answer(404),
  [FeedbackErrorCode.ItemComplete]: answer(409),
  [FeedbackErrorCode.AlreadyLabeled]: answer(409),
  [FeedbackErrorCode.InvalidExport]: answer(400),
  [FeedbackErrorCode.LabelNotFound]: answer(404),

  [CalibrationErrorCode.CalibrationNotFound]: answer(404),
  [CalibrationErrorCode.ProposalNotFound]: answer(404),
  [CalibrationErrorCode.ReplayNotFound]: answer(404),
  [CalibrationErrorCode.ApplicationRequired]: answer(400),
  [CalibrationErrorCode.NoThresholds]: answer(400),
  [CalibrationErrorCode.NoFinishedReplay]: answer(409),
  [CalibrationErrorCode.PolicyChangedSinceReplay]: answer(409),
  [CalibrationErrorCode.AlreadyApplied]: answer(409),

  [TopicalityErrorCode.ProposalNotFound]: answer(404),
  [TopicalityErrorCode.NotApproved]: answer(409),
  [TopicalityErrorCode.ProposalPending]: answer(409),
  [TopicalityErrorCode.ProposalDecided]: answer(409),

  [ResearchGrantErrorCode.GrantNotFound]: answer(404),
  [ResearchGrantErrorCode.DatesLocked]: answer(409),
  [ResearchGrantErrorCode.NoRenewalPending]: answer(409),
  [ResearchGrantErrorCode.RenewalPending]: answer(409),
  [ResearchGrantErrorCode.RenewalNotLater]: answer(400),
  [ResearchGrantErrorCode.GrantNotApproved]: answer(409),
  [ResearchGrantErrorCode.InvalidDates]: answer(400),
  [ResearchAccessErrorCode.QuotaExceeded]: answer(429, RateLimit),
  [ResearchAccessErrorCode.GrantNotActive]: answer(403, Permission),
  [ResearchAccessErrorCode.ParameterNotAllowed]: answer(400),
};

export const errorCatalog = new ErrorCatalog(ERROR_CATALOG);

/** Provides the catalog to every root (API, worker, CLIs): code below it injects `ErrorCatalog` instead of importing it. */
@Global()
@Module({
  providers: [{ provide: ErrorCatalog, useValue: errorCatalog }],
  exports: [ErrorCatalog],
})
export class ErrorCatalogModule {}
