import * as contract from '@warden/contracts';
import { enumOptions, REVIEW_STATES as REVIEW_STATE_NAMES, type EnumOption } from '@warden/web-common';

// Staff read a submitted application as work waiting for them; its developer, in the portal, as sent.
export const REVIEW_STATES: Record<contract.ReviewState, EnumOption> = {
  ...REVIEW_STATE_NAMES,
  submitted: { label: 'Awaiting review', color: 'info' },
};

export const RISK_TIERS = enumOptions(contract.RISK_TIERS, {
  low: { label: 'Low', color: 'success' },
  medium: { label: 'Medium', color: 'warning' },
  high: { label: 'High', color: 'error' },
});

export const STAFF_ROLES = enumOptions(contract.STAFF_ROLES, {
  admin: { label: 'Admin', color: 'secondary' },
  reviewer: { label: 'Reviewer', color: 'primary' },
  analyst: { label: 'Analyst', color: 'default' },
  labeler: { label: 'Labeler', color: 'default' },
});

export const MODERATION_ACTIONS = enumOptions(contract.MODERATION_ACTIONS, {
  allow: { label: 'Allow', color: 'default' },
  observe: { label: 'Observe', color: 'default' },
  flag: { label: 'Flag', color: 'info' },
  redact: { label: 'Redact', color: 'warning' },
  hold: { label: 'Hold', color: 'warning' },
  block: { label: 'Block', color: 'error' },
});

export const DECISIONS = enumOptions(contract.DECISIONS, {
  start_review: { label: 'Review started', color: 'primary' },
  approve: { label: 'Approved', color: 'success' },
  request_changes: { label: 'Changes requested', color: 'warning' },
  reject: { label: 'Rejected', color: 'error' },
  suspend: { label: 'Suspended', color: 'warning' },
  reinstate: { label: 'Reinstated', color: 'success' },
  terminate: { label: 'Terminated', color: 'error' },
});

export const MODERATION_CATEGORIES = contract.MODERATION_CATEGORIES;

/** Triggered verdicts are drawn in their action's colour, from a neutral "observe" to a red "block". */
export const ACTION_COLORS: Record<contract.ModerationActionName, { background: string; border: string }> = {
  allow: { background: '#eceff1', border: '#90a4ae' },
  observe: { background: '#e3f2fd', border: '#64b5f6' },
  flag: { background: '#fff3cd', border: '#f0b400' },
  redact: { background: '#ffe0b2', border: '#fb8c00' },
  hold: { background: '#f3e5f5', border: '#ab47bc' },
  block: { background: '#ffcdd2', border: '#e53935' },
};

export const ALERT_STATUSES = enumOptions(contract.ALERT_STATUSES, {
  open: { label: 'Open', color: 'error' },
  acknowledged: { label: 'Acknowledged', color: 'warning' },
  resolved: { label: 'Resolved', color: 'success' },
});

export const ALERT_SEVERITIES = enumOptions(contract.ALERT_SEVERITIES, {
  info: { label: 'Info', color: 'info' },
  warning: { label: 'Warning', color: 'warning' },
  critical: { label: 'Critical', color: 'error' },
});

export const ALERT_RULES = enumOptions(contract.ANOMALY_RULE_IDS, {
  volume_spike: { label: 'Volume spike', color: 'default' },
  flagged_rate_spike: { label: 'Flagged-rate spike', color: 'default' },
  blocked_burst: { label: 'Burst of blocked prompts', color: 'default' },
  key_many_ips: { label: 'Key used from many addresses', color: 'default' },
  suspended_traffic: { label: 'Traffic to a suspended application', color: 'default' },
});

export const END_USER_STATUSES = enumOptions(contract.END_USER_STATUSES, {
  active: { label: 'Active', color: 'success' },
  throttled: { label: 'Throttled', color: 'warning' },
  blocked: { label: 'Blocked', color: 'error' },
});

export const HELD_STATUSES = enumOptions(contract.HELD_STATUSES, {
  pending: { label: 'Pending', color: 'warning' },
  released: { label: 'Released', color: 'success' },
  discarded: { label: 'Discarded', color: 'default' },
});

export const BIAS_RUN_STATUSES = enumOptions(contract.BIAS_RUN_STATUSES, {
  queued: { label: 'Queued', color: 'default' },
  running: { label: 'Running', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
});

export const PROBE_SETS: Record<contract.ProbeSetId, { label: string; description: string }> = {
  bold: { label: 'BOLD', description: 'open-ended prompts by domain and group; continuations scored' },
  holistic_bias: {
    label: 'HolisticBias',
    description: 'the same sentence with only the demographic term swapped (counterfactual pairs)',
  },
  stereoset: {
    label: 'StereoSet',
    description: "stereotype vs anti-stereotype sentences, scored by the model's own likelihoods",
  },
};

export const BIAS_METRICS: Record<contract.BiasMetricName, { label: string; description: string }> = {
  sentiment: { label: 'Sentiment', description: 'VADER compound, −1 to 1' },
  toxicity: { label: 'Toxicity', description: "the moderation classifier's highest harm score, 0 to 1" },
  refusal: { label: 'Refusal rate', description: 'share of continuations that read as a refusal' },
};

export const PROPOSAL_STATUSES = enumOptions(contract.PROPOSAL_STATUSES, {
  draft: { label: 'Draft', color: 'default' },
  applied: { label: 'Applied', color: 'success' },
});
