import type {
  ApiKeyResponse,
  AppliedResponse,
  FeedbackResponse,
  LabelResponse,
  IssuedKeyResponse,
  PortalApplicationResponse,
  Questionnaire,
} from '@warden/contracts';

export type Application = PortalApplicationResponse;
export type NewApplication = AppliedResponse;
export type Feedback = FeedbackResponse;
export type ApiKey = ApiKeyResponse;
export type IssuedKey = IssuedKeyResponse;
/** What the portal shows of a label: not which staff member or queue gave it. */
export type Label = Omit<LabelResponse, 'staffUserId' | 'queueId'>;
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
