import { listContract } from '../common/list-query';
import type { AnomalyRuleRow } from './alerts.repository';

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

export interface AnomalyRuleResponse {
  id: string;
  description: string;
  enabled: boolean;
  windowSeconds: number;
  params: Record<string, number>;
  action: string;
  severity: string;
  updatedAt: string;
  updatedBy: string | null;
}

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
