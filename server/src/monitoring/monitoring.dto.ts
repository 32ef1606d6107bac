import { listContract } from '../common/list-query';
import type { AlertResponse, AnomalyRuleResponse } from '../contracts';
import type { AlertListRow, AnomalyRuleRow } from './alerts.repository';

export type { AlertResponse, AnomalyRuleResponse };

/** What staff may sort and filter alerts by; the repository maps each name to SQL. */
export const ALERT_LIST = listContract({
  resource: 'alerts',
  sortable: ['id', 'firedAt', 'severity', 'status', 'ruleId'],
  defaultSort: { field: 'firedAt', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    status: { kind: 'values', type: 'text', allowed: ['open', 'acknowledged', 'resolved'] },
    severity: { kind: 'values', type: 'text', allowed: ['info', 'warning', 'critical'] },
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
