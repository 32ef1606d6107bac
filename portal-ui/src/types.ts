import type {
  ApiKeyResponse,
  AppliedResponse,
  FeedbackResponse,
  LabelResponse,
  IssuedKeyResponse,
  PortalApplicationResponse,
  PortalTopicsResponse,
  Questionnaire,
  ResearchGrantView,
  TopicProposalResponse,
  Topics,
  WebhookResponse,
} from '@warden/contracts';

export type Application = PortalApplicationResponse;
export type NewApplication = AppliedResponse;
export type Feedback = FeedbackResponse;
export type ApiKey = ApiKeyResponse;
export type IssuedKey = IssuedKeyResponse;
/** What the portal shows of a label: not which staff member or queue gave it. */
export type Label = Omit<LabelResponse, 'staffUserId' | 'queueId'>;
export type Webhook = WebhookResponse;
export type ApplicationTopics = PortalTopicsResponse;
export type TopicProposal = TopicProposalResponse;
/** A research grant; its id is its research application's. */
export type ResearchGrant = ResearchGrantView;
export type { Questionnaire, Topics };

export type {
  ApiKeyKind,
  ApplicationStatus,
  AudienceSize,
  EffectiveKeyStatus,
  OpenEndedness,
  ReviewState,
  UseCaseCategory,
} from '@warden/contracts';
