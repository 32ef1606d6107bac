import { listContract } from '../common/list-query';
import {
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  MONITORING_WINDOWS,
  type AlertResponse,
  type AnomalyRuleResponse,
  type CheckPrecision,
  type MonitoringSummary,
  type MonitoringWindow,
} from '../contracts';
import type { AlertListRow, AnomalyRuleRow } from './alerts.repository';

export type { MonitoringSummary, MonitoringWindow };

export type { AlertResponse, AnomalyRuleResponse };

/** What staff may sort and filter alerts by; the repository maps each name to SQL. */
export const ALERT_LIST = listContract({
  resource: 'alerts',
  sortable: ['id', 'firedAt', 'severity', 'status', 'ruleId'],
  defaultSort: { field: 'firedAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: ALERT_STATUSES },
    severity: { kind: 'values', type: 'text', allowed: ALERT_SEVERITIES },
    ruleId: { kind: 'values', type: 'text' },
    applicationId: { kind: 'values', type: 'uuid' },
    q: { kind: 'text' },
  },
});
export type AlertSortField = (typeof ALERT_LIST.sortable)[number];
export type AlertFilterField = keyof typeof ALERT_LIST.filters;

export function toAnomalyRuleResponse(rule: AnomalyRuleRow): AnomalyRuleResponse {
  return {
    id: rule.id,
    description: rule.description,
    enabled: rule.enabled,
    windowSeconds: rule.windowSeconds,
    params: rule.params,
    action: rule.action,
    severity: rule.severity,
    updatedAt: rule.updatedAt.toISOString(),
    updatedBy: rule.updatedBy,
  };
}

export function toAlertResponse(alert: AlertListRow): AlertResponse {
  return {
    id: alert.id,
    ruleId: alert.ruleId,
    severity: alert.severity,
    status: alert.status,
    applicationId: alert.applicationId,
    applicationName: alert.applicationName,
    apiKeyId: alert.apiKeyId,
    title: alert.title,
    details: alert.details,
    windowStart: alert.windowStart.toISOString(),
    windowEnd: alert.windowEnd.toISOString(),
    actionTaken: alert.actionTaken,
    firedAt: alert.firedAt.toISOString(),
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    resolvedBy: alert.resolvedBy,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    resolution: alert.resolution,
  };
}

/** Counts as Postgres answers them: `count(*)` is a bigint, which pg hands over as a string. */
type Tallies<K extends string> = Record<K, string>;

/** The dashboard's query results, as the rows arrive. */
export interface SummaryRows {
  totals: Tallies<'requests' | 'flagged' | 'blocked' | 'errors'> & {
    p50: number | null;
    p90: number | null;
    p99: number | null;
  };
  series: Array<Tallies<'requests' | 'flagged' | 'blocked' | 'errors'> & { t: Date }>;
  categories: Array<Tallies<'count'> & { category: string }>;
  applications: Array<Tallies<'requests' | 'flagged'> & { id: string; name: string }>;
  keys: Array<Tallies<'requests' | 'flagged'> & { id: string; prefix: string; application_name: string }>;
  endUsers: Array<Tallies<'requests' | 'flagged'> & { application_id: string; end_user: string }>;
  openAlerts: string;
  labelPrecision: CheckPrecision[];
}

/** The monitoring summary over `window` ending `now`; rates are shares of every call in the window. */
export function toMonitoringSummary(
  window: MonitoringWindow,
  now: Date,
  rows: SummaryRows,
): MonitoringSummary {
  const { seconds, bucket } = MONITORING_WINDOWS[window];
  const { totals } = rows;
  const requests = Number(totals.requests);
  const shareOf = (count: number) => (requests ? count / requests : 0);
  return {
    window,
    from: new Date(now.getTime() - seconds * 1000).toISOString(),
    to: now.toISOString(),
    bucketSeconds: bucket,
    totals: {
      requests,
      flagged: Number(totals.flagged),
      blocked: Number(totals.blocked),
      errors: Number(totals.errors),
      flaggedRate: shareOf(Number(totals.flagged)),
      blockedShare: shareOf(Number(totals.blocked)),
    },
    latencyMs: { p50: totals.p50, p90: totals.p90, p99: totals.p99 },
    series: rows.series.map((row) => ({
      t: new Date(row.t).toISOString(),
      requests: Number(row.requests),
      flagged: Number(row.flagged),
      blocked: Number(row.blocked),
      errors: Number(row.errors),
    })),
    flaggedByCategory: rows.categories.map((row) => ({
      category: row.category,
      count: Number(row.count),
      rate: shareOf(Number(row.count)),
    })),
    topApplications: rows.applications.map((row) => ({
      id: row.id,
      name: row.name,
      requests: Number(row.requests),
      flagged: Number(row.flagged),
    })),
    topKeys: rows.keys.map((row) => ({
      id: row.id,
      prefix: row.prefix,
      applicationName: row.application_name,
      requests: Number(row.requests),
      flagged: Number(row.flagged),
    })),
    topEndUsers: rows.endUsers.map((row) => ({
      applicationId: row.application_id,
      endUser: row.end_user,
      requests: Number(row.requests),
      flagged: Number(row.flagged),
    })),
    openAlerts: Number(rows.openAlerts),
    labelPrecision: rows.labelPrecision,
  };
}
