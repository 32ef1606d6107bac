import { ANOMALY_RULE_ACTION_LABELS, ANOMALY_RULE_ACTIONS, type AnomalyRuleId } from '@warden/contracts';
import { ALERT_RULES } from '../common/enums';

export const ruleName = (id: AnomalyRuleId): string => ALERT_RULES[id]?.label ?? id;

export const actionChoices = ANOMALY_RULE_ACTIONS.map((action) => ({
  id: action,
  name: ANOMALY_RULE_ACTION_LABELS[action],
}));

/** "900 s" reads worse than "15 min" in a table of windows. */
export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
