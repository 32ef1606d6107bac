/** Who did something, as the audit log records it. */
export enum ActorType {
  Staff = 'staff',
  Developer = 'developer',
  /** The operator CLI: whoever has shell access to the deployment. */
  Operator = 'operator',
  /** Warden itself (first-run bootstrap). */
  System = 'system',
}

export interface Actor {
  type: ActorType;
  id: string | null;
  email: string | null;
}

export const OPERATOR_ACTOR: Actor = { type: ActorType.Operator, id: null, email: null };
export const SYSTEM_ACTOR: Actor = { type: ActorType.System, id: null, email: null };

export enum AuditEntityType {
  Application = 'application',
  ApiKey = 'api_key',
  Organization = 'organization',
  Developer = 'developer',
  Staff = 'staff',
  Policy = 'policy',
  HeldCompletion = 'held_completion',
  EndUser = 'end_user',
  Alert = 'alert',
  AnomalyRule = 'anomaly_rule',
  Label = 'label',
  LabelQueue = 'label_queue',
  ResearchGrant = 'research_grant',
  TopicProposal = 'topic_proposal',
  FineTuningJob = 'fine_tuning_job',
  FineTunedModel = 'fine_tuned_model',
  Calibration = 'calibration',
  PolicyProposal = 'policy_proposal',
}

export enum AuditAction {
  HeldCompletionReleased = 'held_completion.released',
  HeldCompletionDiscarded = 'held_completion.discarded',
  EndUserUnblocked = 'end_user.unblocked',
  EndUserBlocked = 'end_user.blocked',
  AlertAcknowledged = 'alert.acknowledged',
  AlertResolved = 'alert.resolved',
  OrganizationCreated = 'organization.created',
  DeveloperRegistered = 'developer.registered',
  DeveloperLoggedIn = 'developer.logged_in',
  DeveloperLoggedOut = 'developer.logged_out',
  DeveloperLockedOut = 'developer.locked_out',
  StaffCreated = 'staff.created',
  StaffUpdated = 'staff.updated',
  StaffDeleted = 'staff.deleted',
  StaffLoggedIn = 'staff.logged_in',
  StaffLoggedOut = 'staff.logged_out',
  StaffLockedOut = 'staff.locked_out',
  ApplicationCreated = 'application.created',
  ApplicationUpdated = 'application.updated',
  ApplicationSubmitted = 'application.submitted',
  ApplicationReviewStarted = 'application.review_started',
  ApplicationApproved = 'application.approved',
  ApplicationChangesRequested = 'application.changes_requested',
  ApplicationRejected = 'application.rejected',
  ApplicationSuspended = 'application.suspended',
  ApplicationReinstated = 'application.reinstated',
  ApplicationTerminated = 'application.terminated',
  ApiKeyCreated = 'api_key.created',
  ApiKeyRotated = 'api_key.rotated',
  ApiKeyRevoked = 'api_key.revoked',
  ApiKeySuspended = 'api_key.suspended',
  ApiKeyUnsuspended = 'api_key.unsuspended',
  ApiKeyTerminated = 'api_key.terminated',
  ApplicationEnforced = 'application.enforced',
  ApplicationEnforcementLifted = 'application.enforcement_lifted',
  WebhookConfigured = 'webhook.configured',
  WebhookSecretRotated = 'webhook.secret_rotated',
  WebhookEventsChosen = 'webhook.events_chosen',
  AnomalyRuleUpdated = 'anomaly_rule.updated',
  PolicyUpdated = 'policy.updated',
  LabelCreated = 'label.created',
  LabelQueueCreated = 'label_queue.created',
  LabelQueueClosed = 'label_queue.closed',
  StrikesRefunded = 'end_user.strikes_refunded',
  ResearchGrantOpened = 'research_grant.opened',
  ResearchGrantTermsUpdated = 'research_grant.terms_updated',
  ResearchRenewalRequested = 'research_grant.renewal_requested',
  ResearchRenewalApproved = 'research_grant.renewal_approved',
  ResearchRenewalDenied = 'research_grant.renewal_denied',
  ResearchBiasRunAttached = 'research_grant.bias_run_attached',
  TopicsProposed = 'topics.proposed',
  TopicsApproved = 'topics.approved',
  TopicsRejected = 'topics.rejected',
  FineTuningScreeningApproved = 'fine_tuning_job.screening_approved',
  FineTuningScreeningRejected = 'fine_tuning_job.screening_rejected',
  FineTunedModelApproved = 'fine_tuned_model.approved',
  FineTunedModelRejected = 'fine_tuned_model.rejected',
  FineTunedModelRetired = 'fine_tuned_model.retired',
  /** Its organization deleted it (`DELETE /v1/models/{model}`): withdrawn as a retirement is, for good. */
  FineTunedModelDeleted = 'fine_tuned_model.deleted',
  CalibrationCreated = 'calibration.created',
  PolicyProposalCreated = 'policy_proposal.created',
  PolicyProposalReplayStarted = 'policy_proposal.replay_started',
  PolicyProposalApplied = 'policy_proposal.applied',
}

export interface AuditEventInput {
  actor: Actor;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface ChainStatus {
  valid: boolean;
  checked: number;
  firstInvalidSeq: number | null;
}
