import { z } from 'zod';
import { share, tally, timestamp } from './shapes';

/** The anomaly rules the worker evaluates; each is one SQL question over the request log (server/src/monitoring). */
export const AnomalyRuleId = {
  VolumeSpike: 'volume_spike',
  FlaggedRateSpike: 'flagged_rate_spike',
  BlockedBurst: 'blocked_burst',
  KeyManyIps: 'key_many_ips',
  SuspendedTraffic: 'suspended_traffic',
} as const;
export type AnomalyRuleId = (typeof AnomalyRuleId)[keyof typeof AnomalyRuleId];
export const ANOMALY_RULE_IDS = Object.values(AnomalyRuleId);

/** What a rule does besides raising its alert. */
export const AnomalyRuleAction = {
  None: 'none',
  SuspendKey: 'suspend_key',
  SuspendApplication: 'suspend_application',
} as const;
export type AnomalyRuleAction = (typeof AnomalyRuleAction)[keyof typeof AnomalyRuleAction];
export const ANOMALY_RULE_ACTIONS = Object.values(AnomalyRuleAction);

export const ANOMALY_RULE_ACTION_LABELS: Record<AnomalyRuleAction, string> = {
  none: 'Alert only',
  suspend_key: 'Alert and suspend the key',
  suspend_application: 'Alert and suspend the application',
};

export const AlertSeverity = { Info: 'info', Warning: 'warning', Critical: 'critical' } as const;
export type AlertSeverity = (typeof AlertSeverity)[keyof typeof AlertSeverity];
export const ALERT_SEVERITIES = Object.values(AlertSeverity);

export const AlertStatus = { Open: 'open', Acknowledged: 'acknowledged', Resolved: 'resolved' } as const;
export type AlertStatus = (typeof AlertStatus)[keyof typeof AlertStatus];
export const ALERT_STATUSES = Object.values(AlertStatus);

const count = (max: number) =>
  z.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);
const factor = z.number().min(1, 'must be at least 1').max(1000, 'must be at most 1000');
const hours = count(24 * 90);

/** Each rule's parameters, with the ranges its SQL can take; an edit outside them is refused, never clamped. */
export const ANOMALY_RULE_PARAMS = {
  volume_spike: z.strictObject({
    factor,
    minRequests: count(10_000_000),
    baselineHours: hours,
    warmupHours: hours,
  }),
  flagged_rate_spike: z.strictObject({
    minRate: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
    factor,
    minRequests: count(10_000_000),
    baselineHours: hours,
  }),
  blocked_burst: z.strictObject({ minBlocked: count(1_000_000) }),
  key_many_ips: z.strictObject({ minAddresses: count(1_000_000) }),
  suspended_traffic: z.strictObject({ minRequests: count(10_000_000) }),
} satisfies Record<AnomalyRuleId, z.ZodType<Record<string, number>>>;

/** How the editor names each parameter (keys as in `ANOMALY_RULE_PARAMS`). */
export const ANOMALY_RULE_PARAM_LABELS: Record<string, string> = {
  factor: 'Factor over the baseline',
  minRequests: 'Minimum requests in the window',
  baselineHours: 'Baseline, hours',
  warmupHours: 'Warm-up before a baseline counts, hours',
  minRate: 'Minimum flagged rate (0–1)',
  minBlocked: 'Minimum blocked prompts',
  minAddresses: 'Minimum client addresses',
};

export const ANOMALY_RULE_WINDOW = { min: 30, max: 86_400 } as const;

/** `PUT /admin/anomaly-rules/:id`; `params` is checked against the rule's own schema above. */
export const anomalyRuleChangeSchema = z.strictObject({
  enabled: z.boolean(),
  windowSeconds: z
    .number()
    .int('must be a whole number')
    .min(ANOMALY_RULE_WINDOW.min, `must be at least ${ANOMALY_RULE_WINDOW.min}`)
    .max(ANOMALY_RULE_WINDOW.max, `must be at most ${ANOMALY_RULE_WINDOW.max}`),
  params: z.record(z.string(), z.number()),
  action: z.enum(ANOMALY_RULE_ACTIONS),
  severity: z.enum(ALERT_SEVERITIES),
});
export type AnomalyRuleChange = z.infer<typeof anomalyRuleChangeSchema>;

export const anomalyRuleResponseSchema = z.strictObject({
  id: z.enum(ANOMALY_RULE_IDS),
  description: z.string(),
  enabled: z.boolean(),
  windowSeconds: z.number().int(),
  params: z.record(z.string(), z.number()),
  action: z.enum(ANOMALY_RULE_ACTIONS),
  severity: z.enum(ALERT_SEVERITIES),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().nullable(),
});
export type AnomalyRuleResponse = z.infer<typeof anomalyRuleResponseSchema>;

export const alertResponseSchema = z.strictObject({
  id: z.uuid(),
  ruleId: z.enum(ANOMALY_RULE_IDS),
  severity: z.enum(ALERT_SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  applicationId: z.uuid().nullable(),
  applicationName: z.string().nullable(),
  apiKeyId: z.uuid().nullable(),
  title: z.string(),
  /** The figures the rule compared, e.g. `{requests, baseline}`. */
  details: z.record(z.string(), z.unknown()),
  windowStart: timestamp,
  windowEnd: timestamp,
  actionTaken: z.string().nullable(),
  firedAt: timestamp,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
  resolution: z.string().nullable(),
});
export type AlertResponse = z.infer<typeof alertResponseSchema>;

/** `POST /admin/alerts/:id/resolve`. */
export const alertResolutionSchema = z.strictObject({ resolution: z.string().trim().min(1).optional() });

/** The windows the monitoring dashboard sums over, and the width of each chart bucket in seconds. */
export const MONITORING_WINDOWS = {
  '1h': { seconds: 3600, bucket: 60 },
  '24h': { seconds: 86_400, bucket: 3600 },
  '7d': { seconds: 604_800, bucket: 21_600 },
} as const;
export type MonitoringWindow = keyof typeof MONITORING_WINDOWS;
export const MONITORING_WINDOW_NAMES = Object.keys(MONITORING_WINDOWS) as MonitoringWindow[];

export const monitoringCountsSchema = z.strictObject({
  requests: tally,
  flagged: tally,
  blocked: tally,
  errors: tally,
});
export type MonitoringCounts = z.infer<typeof monitoringCountsSchema>;

/** `GET /admin/monitoring/summary?window=`: what the monitoring dashboard charts, from the request log. */
export const monitoringSummarySchema = z.strictObject({
  window: z.enum(MONITORING_WINDOW_NAMES),
  from: timestamp,
  to: timestamp,
  bucketSeconds: z.number().int().positive(),
  totals: monitoringCountsSchema.extend({ flaggedRate: share, blockedShare: share }),
  /** Of successful calls; null without any. */
  latencyMs: z.strictObject({
    p50: z.number().min(0).nullable(),
    p90: z.number().min(0).nullable(),
    p99: z.number().min(0).nullable(),
  }),
  /** Only buckets with traffic. */
  series: z.array(monitoringCountsSchema.extend({ t: timestamp })),
  flaggedByCategory: z.array(z.strictObject({ category: z.string(), count: tally, rate: share })),
  topApplications: z.array(
    z.strictObject({ id: z.uuid(), name: z.string(), requests: tally, flagged: tally }),
  ),
  topKeys: z.array(
    z.strictObject({
      id: z.uuid(),
      prefix: z.string(),
      applicationName: z.string(),
      requests: tally,
      flagged: tally,
    }),
  ),
  topEndUsers: z.array(
    z.strictObject({ applicationId: z.uuid(), endUser: z.string(), requests: tally, flagged: tally }),
  ),
  openAlerts: tally,
  /** Per check and category, precision estimated from staff labels (over every label, not the window). */
  labelPrecision: z.array(
    z.strictObject({
      check: z.string(),
      category: z.string(),
      labeled: tally,
      /** The staff-judged truth summed over those calls (a call two labelers split on counts one half). */
      truePositives: z.number().min(0),
      precision: share.nullable(),
    }),
  ),
});
export type MonitoringSummary = z.infer<typeof monitoringSummarySchema>;
export type CheckPrecision = MonitoringSummary['labelPrecision'][number];
