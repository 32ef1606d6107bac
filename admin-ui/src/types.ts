/** Shapes of the staff API (`/admin/*`) as the console reads them. One spelling per concept, as on the server. */
import type { RaRecord } from 'react-admin';

export type StaffRole = 'admin' | 'reviewer' | 'analyst';

export type ApplicationStatus = 'sandbox' | 'live' | 'suspended' | 'terminated';

export type ReviewState =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'approved'
  | 'changes_requested'
  | 'rejected'
  | 'suspended'
  | 'terminated';

export type RiskTier = 'low' | 'medium' | 'high';

export type DecisionKind =
  'start_review' | 'approve' | 'request_changes' | 'reject' | 'suspend' | 'reinstate' | 'terminate';

export interface Checklist {
  useCaseAcceptable: boolean;
  mitigationsAdequate: boolean;
  userAuthenticationOk: boolean;
  volumeReasonable: boolean;
}

export interface Questionnaire {
  useCaseCategory: string;
  useCaseDescription: string;
  openEndedness: string;
  endUsers: string;
  /** internal | small | medium | large */
  audienceSize: string;
  humanInTheLoop: boolean;
  endUserAuthentication: boolean;
  misuseHandling: string;
  /** Intended prompt length, in tokens. */
  inputLength: number;
  /** Intended completion length, in tokens. */
  outputLength: number;
  /** Expected requests a day. */
  expectedVolume: number;
}

export interface Decision {
  id: string;
  decision: DecisionKind;
  reviewerId: string | null;
  reviewerEmail: string;
  rationale: string;
  checklist: Partial<Checklist>;
  reReviewAt: string | null;
  fromReviewState: ReviewState;
  toReviewState: ReviewState;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  at: string;
}

export interface Application extends RaRecord<string> {
  name: string;
  organizationId: string;
  organizationName: string;
  status: ApplicationStatus;
  reviewState: ReviewState;
  riskTier: RiskTier | null;
  riskReasons: string[];
  questionnaire: Partial<Questionnaire> | null;
  submittedAt: string | null;
  /** When the last decision asked for the application to be looked at again. */
  reReviewAt: string | null;
  createdAt: string;
  updatedAt: string;
  decisions?: Decision[];
}

/** A key as issued: the only answer that ever carries its secret. */
export interface IssuedKey {
  id: string;
  name: string;
  prefix: string;
  kind: KeyKind;
  secret: string;
}

export interface DecisionResult extends Application {
  /** Present once, in the answer to an approval. */
  productionKey?: IssuedKey;
}

export interface BulkDecisionResult {
  succeeded: string[];
  failed: { id: string; statusCode: number; code: string; message: string }[];
  applications: DecisionResult[];
}

export type KeyKind = 'sandbox' | 'production';
export type KeyStatus = 'active' | 'suspended' | 'revoked' | 'terminated' | 'expired';
export type KeyAction = 'rotate' | 'revoke' | 'suspend' | 'unsuspend' | 'terminate';

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

export interface Organization extends RaRecord<string> {
  name: string;
  createdAt: string;
  applicationCount: number;
}

export type ModerationAction = 'allow' | 'observe' | 'flag' | 'redact' | 'hold' | 'block';

export interface CategoryRule {
  threshold: number | null;
  action: ModerationAction;
}

export interface CategoryPolicy {
  input: CategoryRule;
  output: CategoryRule;
}

export interface PolicyRules {
  categories: Record<string, CategoryPolicy>;
  limits: { maxPromptTokens: number; maxTokens: number; maxTotalTokens: number };
  rateLimits: {
    requestsPerMinute: number;
    tokensPerMinute: number;
    endUserRequestsPerMinute: number;
    endUserTokensPerMinute: number;
  };
  blocklist: { words: string[]; phrases: string[]; patterns: string[] };
  requireUser: boolean;
  /** Multiplies the classifier's calibrated thresholds where a rule leaves its threshold empty (< 1 is stricter). */
  classifierThresholdScale: number;
}

/** A partial `PolicyRules`, as stored per application on top of the status defaults. */
export interface PolicyPatch {
  categories?: Record<string, Partial<{ input: Partial<CategoryRule>; output: Partial<CategoryRule> }>>;
  limits?: Partial<PolicyRules['limits']>;
  rateLimits?: Partial<PolicyRules['rateLimits']>;
  blocklist?: Partial<PolicyRules['blocklist']>;
  requireUser?: boolean;
  classifierThresholdScale?: number;
}

export interface Policy extends RaRecord<string> {
  applicationName: string;
  applicationStatus: ApplicationStatus;
  rules: PolicyRules;
  patch: PolicyPatch;
}

export interface StaffMember extends RaRecord<string> {
  email: string;
  role: StaffRole;
  createdAt: string;
  lockedUntil: string | null;
}

export interface AuditEntry extends RaRecord<string> {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
  prevHash: string | null;
}

export interface ChainStatus {
  valid: boolean;
  checked: number;
  firstInvalidSeq: number | null;
}

export interface RequestLog extends RaRecord<string> {
  createdAt: string;
  applicationId: string | null;
  apiKeyId: string | null;
  endUser: string | null;
  model: string | null;
  statusCode: number;
  errorCode: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number | null;
  prompt: string | null;
  output: string | null;
  verdicts: unknown;
}
