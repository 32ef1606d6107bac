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
  TopicProposalStatus,
  Topics,
} from '@warden/contracts';
import type { Identifier, RaRecord } from 'react-admin';

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

export type KeyKind = 'sandbox' | 'production';
export type KeyStatus = EffectiveKeyStatus;
export type { KeyAction };

export interface ApiKey extends RaRecord<string> {
  applicationId: string;
  applicationName: string;
  name: string;
  prefix: string;
  kind: KeyKind;
  status: KeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  statusReason: string | null;
  /** Present only in the answer that created or rotated the key. */
  secret?: string;
}

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

export type HeldStatus = 'pending' | 'released' | 'discarded';
export type HeldDecision = 'release' | 'discard';

/** The completion a held call would have answered. */
export interface HeldResponse {
  id: string;
  model: string;
  choices: { index: number; text: string; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export interface HeldCompletion extends RaRecord<string> {
  requestId: string;
  applicationId: string;
  applicationName: string;
  apiKeyId: string;
  endUser: string | null;
  model: string;
  /** As the client sent it: a string, several strings, or token ids. */
  prompt: unknown;
  response: HeldResponse | null;
  verdicts: Verdict[] | null;
  status: HeldStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export type MonitoringWindow = '1h' | '24h' | '7d';

export interface MonitoringCounts {
  requests: number;
  flagged: number;
  blocked: number;
  errors: number;
}

export interface MonitoringSummary {
  window: MonitoringWindow;
  from: string;
  to: string;
  bucketSeconds: number;
  totals: MonitoringCounts & { flaggedRate: number; blockedShare: number };
  latencyMs: { p50: number | null; p90: number | null; p99: number | null };
  /** Only buckets with traffic. */
  series: (MonitoringCounts & { t: string })[];
  flaggedByCategory: { category: string; count: number; rate: number }[];
  topApplications: { id: string; name: string; requests: number; flagged: number }[];
  topKeys: { id: string; prefix: string; applicationName: string; requests: number; flagged: number }[];
  topEndUsers: { applicationId: string; endUser: string; requests: number; flagged: number }[];
  openAlerts: number;
  /** Per check and category, precision estimated from staff labels (over every label, not the window). */
  labelPrecision: {
    check: string;
    category: string;
    labeled: number;
    truePositives: number;
    precision: number | null;
  }[];
}

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
export interface TopicProposal {
  id: Identifier;
  applicationId: Identifier;
  applicationName: string;
  topics: Topics;
  currentTopics: Topics | null;
  status: TopicProposalStatus;
  proposedByEmail: string | null;
  reviewerEmail: string | null;
  note: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** `GET /admin/applications/:id/topicality-preview`: the off-topic check over the application's sandbox calls. */
export interface TopicalityPreview {
  source: 'model' | 'proposal' | 'questionnaire';
  topics: Topics | null;
  threshold: number;
  action: ModerationAction;
  requests: number;
  judged: number;
  offTopic: number;
  offTopicRate: number;
  items: Array<{ requestId: string; text: string; score: number; offTopic: boolean }>;
}

export type { CalibrationRow, ReplayDiff, ReplayStatus, ProposalStatus };

export interface Calibration extends RaRecord<string> {
  queueId: string | null;
  applicationId: string | null;
  precisionTarget: number;
  checks: string[];
  trafficDays: number;
  labeledItems: number;
  rows: CalibrationRow[];
  createdBy: string | null;
  createdAt: string;
}

export interface PolicyReplay {
  id: string;
  proposalId: string;
  from: string;
  to: string;
  status: ReplayStatus;
  policyVersion: number;
  progress: { done: number; total: number; percent: number };
  result: ReplayDiff | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface PolicyProposal extends RaRecord<string> {
  applicationId: string;
  applicationName: string;
  calibrationId: string | null;
  patch: Record<string, unknown>;
  note: string | null;
  status: ProposalStatus;
  createdAt: string;
  appliedAt: string | null;
  latestReplay: PolicyReplay | null;
}
