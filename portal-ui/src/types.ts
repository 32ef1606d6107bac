import type {
  ApiKeyResponse,
  AppliedResponse,
  FeedbackResponse,
  IssuedKeyResponse,
  PortalApplicationResponse,
  Questionnaire,
} from '@warden/contracts';

export type Application = PortalApplicationResponse;
export type NewApplication = AppliedResponse;
export type Feedback = FeedbackResponse;
export type ApiKey = ApiKeyResponse;
export type IssuedKey = IssuedKeyResponse;
export type { Questionnaire };

export type {
  ApiKeyKind,
  ApplicationStatus,
  AudienceSize,
  EffectiveKeyStatus,
  OpenEndedness,
  ReviewState,
  UseCaseCategory,
} from '@warden/contracts';
