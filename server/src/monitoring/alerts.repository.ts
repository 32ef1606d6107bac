import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { AnomalyRule, Finding, RULE_QUERIES, RuleAction, RuleChange, RuleId } from './anomaly-rules';
import { ALERT_LIST, AlertFilterField, AlertSortField } from './monitoring.dto';
import { AlertSeverity, AlertStatus } from '../contracts';

/** A rule as staff read and edit it. */
export interface AnomalyRuleRow {
  id: RuleId;
  description: string;
  enabled: boolean;
  windowSeconds: number;
  params: Record<string, number>;
  action: RuleAction;
  severity: AnomalyRule['severity'];
  updatedAt: Date;
  updatedBy: string | null;
}

export const ALERT_LIST_SOURCE: ListSource<AlertSortField, AlertFilterField> = {
  contract: ALERT_LIST,
  columns: `al.id, al.rule_id AS "ruleId", al.severity, al.status, al.application_id AS "applicationId", a.name AS "applicationName",
    al.api_key_id AS "apiKeyId", al.title, al.details, al.window_start AS "windowStart", al.window_end AS "windowEnd",
    al.action_taken AS "actionTaken", al.fired_at AS "firedAt", al.acknowledged_by AS "acknowledgedBy",
    al.acknowledged_at AS "acknowledgedAt", al.resolved_by AS "resolvedBy", al.resolved_at AS "resolvedAt", al.resolution`,
  from: 'FROM alerts al LEFT JOIN applications a ON a.id = al.application_id',
  sortColumns: {
    id: 'al.fired_at',
    firedAt: 'al.fired_at',
    severity: 'al.severity',
    status: 'al.status',
    ruleId: 'al.rule_id',
  },
  tiebreaker: 'al.id',
  filterSql: {
    id: { column: 'al.id' },
    status: { column: 'al.status' },
    severity: { column: 'al.severity' },
    ruleId: { column: 'al.rule_id' },
    applicationId: { column: 'al.application_id' },
    q: { search: ['al.title', 'a.name'] },
  },
};

/** An alert as the staff list reads it (ALERT_LIST_SOURCE's columns). */
export interface AlertListRow {
  id: string;
  ruleId: RuleId;
  severity: AlertSeverity;
  status: AlertStatus;
  applicationId: string | null;
  applicationName: string | null;
  apiKeyId: string | null;
  title: string;
  details: Record<string, unknown>;
  windowStart: Date;
  windowEnd: Date;
  actionTaken: string | null;
  firedAt: Date;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolution: string | null;
}

export interface AlertRow {
  id: string;
  rule_id: RuleId;
  severity: string;
  status: 'open' | 'acknowledged' | 'resolved';
  application_id: string | null;
  api_key_id: string | null;
  title: string;
  details: Record<string, unknown>;
  window_start: Date;
  window_end: Date;
  action_taken: string | null;
  fired_at: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution: string | null;
}

@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enabledRules(): Promise<AnomalyRule[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, description, enabled, window_seconds, params, action, severity FROM anomaly_rules WHERE enabled ORDER BY id`,
    )) as Array<{
      id: RuleId;
      description: string;
      enabled: boolean;
      window_seconds: number;
      params: Record<string, number>;
      action: RuleAction;
      severity: AnomalyRule['severity'];
    }>;
    return rows
      .filter((row) => Object.hasOwn(RULE_QUERIES, row.id))
      .map((row) => ({
        id: row.id,
        description: row.description,
        enabled: row.enabled,
        windowSeconds: row.window_seconds,
        params: row.params,
        action: row.action,
        severity: row.severity,
      }));
  }

  async evaluate(rule: AnomalyRule): Promise<Array<Record<string, unknown>>> {
    const query = RULE_QUERIES[rule.id];
    return (await this.dataSource.query(query.sql, query.params(rule))) as Array<Record<string, unknown>>;
  }

  /**
   * One alert per rule and subject while it is open: a rule that keeps firing counts occurrences on the open alert
   * instead of raising a new one each window. Returns the alert only when it is new.
   */
  async fire(rule: AnomalyRule, finding: Finding): Promise<AlertRow | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO alerts (rule_id, severity, application_id, api_key_id, title, details, dedupe_key, window_start, window_end)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, gen_random_uuid()::text, now() - make_interval(secs => $7), now())
       ON CONFLICT (rule_id, (coalesce(application_id::text, '-')), (coalesce(api_key_id::text, '-')))
         WHERE status <> 'resolved'
       DO UPDATE SET occurrences = alerts.occurrences + 1, last_seen_at = now(), window_end = now(),
         details = EXCLUDED.details
       RETURNING *, (xmax = 0) AS inserted`,
      [
        rule.id,
        rule.severity,
        finding.applicationId,
        finding.apiKeyId,
        finding.title,
        JSON.stringify(finding.details),
        rule.windowSeconds,
      ],
    )) as Array<AlertRow & { inserted: boolean }>;
    const [row] = rows;
    return row?.inserted ? row : null;
  }

  async listRules(): Promise<AnomalyRuleRow[]> {
    return (await this.dataSource.query(
      `SELECT id, description, enabled, window_seconds AS "windowSeconds", params, action, severity,
         updated_at AS "updatedAt", updated_by AS "updatedBy" FROM anomaly_rules ORDER BY id`,
    )) as AnomalyRuleRow[];
  }

  async findRule(id: string): Promise<AnomalyRuleRow | null> {
    return (await this.listRules()).find((rule) => rule.id === id) ?? null;
  }

  async updateRule(manager: EntityManager, id: RuleId, change: RuleChange, by: string): Promise<void> {
    await manager.query(
      `UPDATE anomaly_rules SET enabled = $2, window_seconds = $3, params = $4::jsonb, action = $5, severity = $6,
         updated_at = now(), updated_by = $7 WHERE id = $1`,
      [
        id,
        change.enabled,
        change.windowSeconds,
        JSON.stringify(change.params),
        change.action,
        change.severity,
        by,
      ],
    );
  }

  async noteAction(id: string, action: string): Promise<void> {
    await this.dataSource.query(`UPDATE alerts SET action_taken = $2 WHERE id = $1`, [id, action]);
  }

  list(query: ListQuery): Promise<ListPage<AlertListRow>> {
    return runList<AlertListRow>(this.dataSource, ALERT_LIST_SOURCE, query);
  }

  async find(id: string): Promise<AlertRow | null> {
    const rows = (await this.dataSource.query(`SELECT * FROM alerts WHERE id = $1`, [id])) as AlertRow[];
    return rows[0] ?? null;
  }

  async transition(
    id: string,
    to: 'acknowledged' | 'resolved',
    by: string,
    resolution: string | null,
  ): Promise<AlertRow | null> {
    const rows = (await this.dataSource.query(
      to === 'acknowledged'
        ? `UPDATE alerts SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now() WHERE id = $1 AND status = 'open' RETURNING *`
        : `UPDATE alerts SET status = 'resolved', resolved_by = $2, resolved_at = now(), resolution = $3 WHERE id = $1 AND status <> 'resolved' RETURNING *`,
      to === 'acknowledged' ? [id, by] : [id, by, resolution],
    )) as [AlertRow[], number] | AlertRow[];
    const list = Array.isArray(rows[0]) ? (rows[0] as AlertRow[]) : (rows as AlertRow[]);
    return list[0] ?? null;
  }

  async activeKeysOf(applicationId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM api_keys WHERE application_id = $1 AND status = 'active'`,
      [applicationId],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }
}
