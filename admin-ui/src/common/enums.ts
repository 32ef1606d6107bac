import type { EnumOption } from './EnumChipField';
import type {
  ApplicationStatus,
  DecisionKind,
  KeyKind,
  KeyStatus,
  ModerationAction,
  ReviewState,
  RiskTier,
  StaffRole,
} from '../types';

export const REVIEW_STATES: Record<ReviewState, EnumOption> = {
  draft: { label: 'Draft', color: 'default' },
  submitted: { label: 'Awaiting review', color: 'info' },
  in_review: { label: 'In review', color: 'primary' },
  approved: { label: 'Approved', color: 'success' },
  changes_requested: { label: 'Changes requested', color: 'warning' },
  rejected: { label: 'Rejected', color: 'error' },
  suspended: { label: 'Suspended', color: 'warning' },
  terminated: { label: 'Terminated', color: 'error' },
};

export const RISK_TIERS: Record<RiskTier, EnumOption> = {
  low: { label: 'Low', color: 'success' },
  medium: { label: 'Medium', color: 'warning' },
  high: { label: 'High', color: 'error' },
};

export const APPLICATION_STATUSES: Record<ApplicationStatus, EnumOption> = {
  sandbox: { label: 'Sandbox', color: 'default' },
  live: { label: 'Live', color: 'success' },
  suspended: { label: 'Suspended', color: 'warning' },
  terminated: { label: 'Terminated', color: 'error' },
};

export const KEY_STATUSES: Record<KeyStatus, EnumOption> = {
  active: { label: 'Active', color: 'success' },
  suspended: { label: 'Suspended', color: 'warning' },
  revoked: { label: 'Revoked', color: 'default' },
  terminated: { label: 'Terminated', color: 'error' },
  expired: { label: 'Expired', color: 'default' },
};

export const KEY_KINDS: Record<KeyKind, EnumOption> = {
  sandbox: { label: 'Sandbox', color: 'default' },
  production: { label: 'Production', color: 'primary' },
};

export const STAFF_ROLES: Record<StaffRole, EnumOption> = {
  admin: { label: 'Admin', color: 'secondary' },
  reviewer: { label: 'Reviewer', color: 'primary' },
  analyst: { label: 'Analyst', color: 'default' },
};

export const MODERATION_ACTIONS: Record<ModerationAction, EnumOption> = {
  allow: { label: 'Allow', color: 'default' },
  observe: { label: 'Observe', color: 'default' },
  flag: { label: 'Flag', color: 'info' },
  redact: { label: 'Redact', color: 'warning' },
  hold: { label: 'Hold', color: 'warning' },
  block: { label: 'Block', color: 'error' },
};

export const DECISIONS: Record<DecisionKind, EnumOption> = {
  start_review: { label: 'Review started', color: 'primary' },
  approve: { label: 'Approved', color: 'success' },
  request_changes: { label: 'Changes requested', color: 'warning' },
  reject: { label: 'Rejected', color: 'error' },
  suspend: { label: 'Suspended', color: 'warning' },
  reinstate: { label: 'Reinstated', color: 'success' },
  terminate: { label: 'Terminated', color: 'error' },
};

export const MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
  'profanity',
  'blocklist',
  'pii/email',
  'pii/phone',
  'pii/payment-card',
  'pii/national-id',
  'pii/ip-address',
  'pii/secret',
  'prompt-injection',
] as const;
