import { z } from 'zod';
import {
  ANOMALY_RULE_PARAMS,
  AlertSeverity,
  AnomalyRuleAction,
  AnomalyRuleChange,
  anomalyRuleChangeSchema,
  AnomalyRuleId,
} from '../contracts';
import { ModerationErrorCode } from '../moderation/moderation.errors';
import { ApplicationsErrorCode } from '../applications/applications.errors';

// The ids, actions and parameter schemas live in contracts: the console's rule editor validates with them too.
export const RuleId = AnomalyRuleId;
export type RuleId = AnomalyRuleId;
export const RuleAction = AnomalyRuleAction;
export type RuleAction = AnomalyRuleAction;

/**
 * Each anomaly rule is one SQL question over the request log's recent window. A finding names what fired
 * (application, key), with the figures that made it fire; the runner turns findings into alerts.
 */
export interface AnomalyRule {
  id: RuleId;
  description: string;
  enabled: boolean;
  windowSeconds: number;
  params: Record<string, number>;
  action: RuleAction;
  severity: AlertSeverity;
}

export interface Finding {
  applicationId: string | null;
  apiKeyId: string | null;
  title: string;
  details: Record<string, unknown>;
}

interface RuleQuery {
  sql: string;
  params: (rule: AnomalyRule) => unknown[];
  title: (row: Record<string, unknown>) => string;
}

/** `$1` is always the window in seconds; rule parameters follow. Flagged means a triggered flag-or-worse verdict. */
const FLAGGED = `EXISTS (SELECT 1 FROM jsonb_array_elements(verdicts) v WHERE (v->>'triggered')::boolean AND v->>'action' IN ('flag', 'redact', 'hold', 'block'))`;

export const RULE_QUERIES: Record<RuleId, RuleQuery> = {
  [RuleId.VolumeSpike]: {
    sql: `
      WITH recent AS (
        SELECT application_id, count(*) AS requests FROM request_logs
        WHERE created_at > now() - make_interval(secs => $1) AND application_id IS NOT NULL GROUP BY application_id),
      baseline AS (
        SELECT application_id, count(*)::float / greatest(1, ($4 * 3600) / $1) AS per_window FROM request_logs
        WHERE created_at > now() - make_interval(hours => $4) AND created_at <= now() - make_interval(secs => $1)
          AND application_id IS NOT NULL GROUP BY application_id),
      -- Warm-up: an application whose traffic began less than warmupHours ago has no baseline to spike against.
      warmed AS (
        SELECT application_id FROM request_logs
        WHERE created_at <= now() - make_interval(hours => $5) AND application_id IS NOT NULL
        GROUP BY application_id)
      SELECT r.application_id, r.requests, b.per_window AS baseline
      FROM recent r JOIN baseline b USING (application_id) JOIN warmed w USING (application_id)
      WHERE r.requests >= $3 AND r.requests >= $2 * greatest(b.per_window, 1)`,
    params: (rule) => [
      rule.windowSeconds,
      rule.params.factor,
      rule.params.minRequests,
      rule.params.baselineHours,
      rule.params.warmupHours ?? 24,
    ],
    title: (row) =>
      `Volume spike: ${row.requests} requests in the window against a baseline of ${Number(row.baseline).toFixed(1)}`,
  },
  [RuleId.FlaggedRateSpike]: {
    sql: `
      WITH recent AS (
        SELECT application_id, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged FROM request_logs
        WHERE created_at > now() - make_interval(secs => $1) AND application_id IS NOT NULL GROUP BY application_id),
      baseline AS (
        SELECT application_id, (count(*) FILTER (WHERE ${FLAGGED}))::float / nullif(count(*), 0) AS rate FROM request_logs
        WHERE created_at > now() - make_interval(hours => $5) AND created_at <= now() - make_interval(secs => $1)
          AND application_id IS NOT NULL GROUP BY application_id)
      SELECT r.application_id, r.requests, r.flagged, r.flagged::float / r.requests AS rate, coalesce(b.rate, 0) AS baseline
      FROM recent r LEFT JOIN baseline b USING (application_id)
      WHERE r.requests >= $4 AND r.flagged::float / r.requests >= $2 AND r.flagged::float / r.requests >= $3 * coalesce(b.rate, 0)`,
    params: (rule) => [
      rule.windowSeconds,
      rule.params.minRate,
      rule.params.factor,
      rule.params.minRequests,
      rule.params.baselineHours,
    ],
    title: (row) =>
      `Flagged-rate spike: ${(Number(row.rate) * 100).toFixed(0)} % of ${row.requests} requests flagged (baseline ${(Number(row.baseline) * 100).toFixed(0)} %)`,
  },
  [RuleId.BlockedBurst]: {
    sql: `
      SELECT application_id, api_key_id, count(*) AS blocked FROM request_logs
      WHERE created_at > now() - make_interval(secs => $1) AND error_code = '${ModerationErrorCode.ContentFilter}' AND api_key_id IS NOT NULL
      GROUP BY application_id, api_key_id HAVING count(*) >= $2`,
    params: (rule) => [rule.windowSeconds, rule.params.minBlocked],
    title: (row) => `Burst of blocked prompts: ${row.blocked} refused by the content filter from one key`,
  },
  [RuleId.KeyManyIps]: {
    sql: `
      SELECT application_id, api_key_id, count(DISTINCT client_ip) AS addresses FROM request_logs
      WHERE created_at > now() - make_interval(secs => $1) AND api_key_id IS NOT NULL AND client_ip IS NOT NULL
      GROUP BY application_id, api_key_id HAVING count(DISTINCT client_ip) >= $2`,
    params: (rule) => [rule.windowSeconds, rule.params.minAddresses],
    title: (row) => `One key used from ${row.addresses} client addresses`,
  },
  [RuleId.SuspendedTraffic]: {
    sql: `
      SELECT application_id, count(*) AS requests FROM request_logs
      WHERE created_at > now() - make_interval(secs => $1) AND error_code = '${ApplicationsErrorCode.ApplicationSuspended}'
      GROUP BY application_id HAVING count(*) >= $2`,
    params: (rule) => [rule.windowSeconds, rule.params.minRequests],
    title: (row) => `${row.requests} requests to a suspended application`,
  },
};

/** Each rule's parameters, with the ranges the SQL can take; an edit outside them is refused, never clamped. */
export const RULE_PARAMS: Record<RuleId, z.ZodType<Record<string, number>>> = ANOMALY_RULE_PARAMS;

export const ruleChangeSchema = anomalyRuleChangeSchema;
export type RuleChange = AnomalyRuleChange;

export function toFinding(rule: AnomalyRule, row: Record<string, unknown>): Finding {
  const { application_id, api_key_id, ...figures } = row;
  return {
    applicationId: (application_id as string | null) ?? null,
    apiKeyId: (api_key_id as string | null | undefined) ?? null,
    title: RULE_QUERIES[rule.id].title(row),
    details: Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [
        key,
        typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value,
      ]),
    ),
  };
}
