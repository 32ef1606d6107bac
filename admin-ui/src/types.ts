/** Shapes of the staff API (`/admin/*`) as the console reads them. One spelling per concept, as on the server. */
import type {
  AdminApplicationResponse,
  ClassifierThresholdsResponse,
  EffectiveThreshold,
  ModerationCategory,
  PolicyPatch,
  PolicyResponse,
  PolicyRulesResponse,
  BiasChart,
  BiasComparisonResponse,
  BiasMetricName,
  BiasReportResponse,
  BiasRunAttachmentResponse,
  BiasRunDetailResponse,
  BiasRunResponse,
  BiasRunStatusName,
  Estimate,
  ProbeSetId,
  AlertResponse,
  AppliedVerdictResponse,
  AuditEventResponse,
  BulkDecisionResponse,
  ChainStatusResponse,
  DecisionResponse,
  DecisionResultResponse,
  DirectionName,
  EndUserResponse,
  EndUserStatus,
  EnforcementResponse,
  IssuedKeyResponse,
  ModerationActionName,
  OrganizationResponse,
  Questionnaire,
  RequestLogEndpoint,
  RequestLogResponse,
  RiskTier,
  StaffResponse,
  AlertSeverity,
  AlertStatus,
  AnomalyRuleId,
  AnomalyRuleResponse,
  ApplicationStatus,
  CalibrationRow,
  ProposalStatus,
  ReplayDiff,
  ReplayStatus,
  Checklist,
  Decision as DecisionName,
  EffectiveKeyStatus,
  KeyAction,
  ReviewState,
  StaffRole,
  ApiKeyKind,
  ApiKeyResponse,
  CalibrationResponse,
  HeldCompletionStaffResponse,
  HeldDecision,
  HeldOutput,
  HeldStatus,
  MonitoringCounts,
  MonitoringSummary,
  MonitoringWindow,
  ProposalResponse,
  ReplayResponse,
  TopicalityPreviewResponse,
  TopicProposalResponse,
} from '@warden/contracts';
import type { RaRecord } from 'react-admin';

/** The state vocabularies and response shapes come from the contracts the server validates with: they cannot drift. */
export type { ApplicationStatus, Checklist, ReviewState, StaffRole, RiskTier, Questionnaire };

export type DecisionKind = DecisionName;

export type Decision = DecisionResponse;

export type Application = AdminApplicationResponse & RaRecord<string>;

export type Enforcement = EnforcementResponse;

/** A key as issued: the only answer that ever carries its secret. */
export type IssuedKey = IssuedKeyResponse;

export type DecisionResult = DecisionResultResponse & RaRecord<string>;

export type BulkDecisionResult = BulkDecisionResponse;

export type KeyKind = ApiKeyKind;
export type KeyStatus = EffectiveKeyStatus;
export type { KeyAction };

/** `/admin/api-keys`; `secret` only in the answer that created or rotated the key. */
export type ApiKey = ApiKeyResponse & RaRecord<string>;

export type Organization = OrganizationResponse & RaRecord<string>;

export type ModerationAction = ModerationActionName;

export type PolicyRules = PolicyRulesResponse;
export type CategoryPolicy = PolicyRules['categories'][ModerationCategory];
export type CategoryRule = CategoryPolicy['input'];
/** A partial `PolicyRules`, as stored per application on top of the status defaults. */
export type { PolicyPatch, EffectiveThreshold };

export type Policy = PolicyResponse & RaRecord<string>;

/** `GET /admin/policies/classifier-thresholds`: per category, calibrated and under the default live/sandbox scale. */
export type ClassifierThresholds = ClassifierThresholdsResponse;

export type StaffMember = StaffResponse & RaRecord<string>;

export type AuditEntry = AuditEventResponse & RaRecord<string>;

export type ChainStatus = ChainStatusResponse;

export type Direction = DirectionName;

/** One check's finding on one direction of a call, as the request log and held outputs store it. */
export type Verdict = AppliedVerdictResponse;

export type RequestEndpoint = RequestLogEndpoint;

export type RequestLog = RequestLogResponse & RaRecord<string>;

export type AlertRuleId = AnomalyRuleId;
export type { AlertSeverity, AlertStatus };

/** `GET /admin/alerts`: the contract's response shape. */
export type Alert = AlertResponse & RaRecord<string>;

/** `GET /admin/anomaly-rules`: a rule and what it does when it fires. */
export type AnomalyRule = AnomalyRuleResponse & RaRecord<string>;

export type { EndUserStatus };

/** An application's end user (the `user` field of its calls); the id is `<applicationId>:<endUser>`. */
export type EndUser = EndUserResponse & RaRecord<string>;

export type { HeldStatus, HeldDecision };

/** The completion a held call would have answered. */
export type HeldResponse = HeldOutput;

/** `GET /admin/held-completions`: a held output as staff review it. */
export type HeldCompletion = HeldCompletionStaffResponse & RaRecord<string>;

export type { MonitoringWindow, MonitoringCounts, MonitoringSummary };

export type BiasRunStatus = BiasRunStatusName;
export type ProbeSetName = ProbeSetId;
export type BiasMetric = BiasMetricName;
export type { BiasChart, Estimate };
export type BiasChartPoint = BiasChart['data'][number];

export type BiasRun = BiasRunResponse & RaRecord<string>;
export type BiasReport = BiasReportResponse;
export type BiasRunDetail = BiasRunDetailResponse & RaRecord<string>;
export type BiasComparison = BiasComparisonResponse;
export type EstimateDelta = Pick<BiasComparison['stereoset'][number], 'a' | 'b' | 'delta' | 'overlapping'>;
export type BiasRunAttachment = BiasRunAttachmentResponse;

/** A developer's proposal to change an approved application's topics (`/admin/topic-proposals`). */
export type TopicProposal = TopicProposalResponse & RaRecord<string>;

/** `GET /admin/applications/:id/topicality-preview`: the off-topic check over the application's sandbox calls. */
export type TopicalityPreview = TopicalityPreviewResponse;

export type { CalibrationRow, ReplayDiff, ReplayStatus, ProposalStatus };

export type Calibration = CalibrationResponse & RaRecord<string>;

export type PolicyReplay = ReplayResponse;

export type PolicyProposal = ProposalResponse & RaRecord<string>;
