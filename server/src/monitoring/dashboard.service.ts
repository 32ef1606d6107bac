import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CheckPrecision, LabelPrecisionRepository } from '../feedback/label-precision.repository';
import { ModerationErrorCode } from '../moderation/moderation.errors';

export const DASHBOARD_WINDOWS = {
  '1h': { seconds: 3600, bucket: 60 },
  '24h': { seconds: 86_400, bucket: 3600 },
  '7d': { seconds: 604_800, bucket: 21_600 },
} as const;
export type DashboardWindow = keyof typeof DASHBOARD_WINDOWS;

const TRIGGERED = `(v->>'triggered')::boolean AND v->>'action' IN ('flag', 'redact', 'hold', 'block')`;
const FLAGGED = `EXISTS (SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE ${TRIGGERED})`;

export interface DashboardSummary {
  window: DashboardWindow;
  from: string;
  to: string;
  bucketSeconds: number;
  totals: {
    requests: number;
    flagged: number;
    blocked: number;
    errors: number;
    flaggedRate: number;
    blockedShare: number;
  };
  latencyMs: { p50: number | null; p90: number | null; p99: number | null };
  series: Array<{ t: string; requests: number; flagged: number; blocked: number; errors: number }>;
  flaggedByCategory: Array<{ category: string; count: number; rate: number }>;
  topApplications: Array<{ id: string; name: string; requests: number; flagged: number }>;
  topKeys: Array<{ id: string; prefix: string; applicationName: string; requests: number; flagged: number }>;
  topEndUsers: Array<{ applicationId: string; endUser: string; requests: number; flagged: number }>;
  openAlerts: number;
  /** Per check and category, precision estimated from staff labels (over all labels, not the window). */
  labelPrecision: CheckPrecision[];
}

/** What the monitoring dashboard charts, computed from the request log over a chosen window. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly precision: LabelPrecisionRepository,
  ) {}

  async summary(window: DashboardWindow): Promise<DashboardSummary> {
    const { seconds, bucket } = DASHBOARD_WINDOWS[window];
    const recent = `r.created_at > now() - make_interval(secs => ${seconds})`;
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const [totals] = await q<{
      requests: string;
      flagged: string;
      blocked: string;
      errors: string;
      p50: number | null;
      p90: number | null;
      p99: number | null;
    }>(`
      SELECT count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged,
        count(*) FILTER (WHERE r.error_code = '${ModerationErrorCode.ContentFilter}' OR 'content_filter' = ANY (r.finish_reasons)) AS blocked,
        count(*) FILTER (WHERE r.status_code >= 400) AS errors,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.latency_ms) FILTER (WHERE r.status_code < 400) AS p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY r.latency_ms) FILTER (WHERE r.status_code < 400) AS p90,
        percentile_cont(0.99) WITHIN GROUP (ORDER BY r.latency_ms) FILTER (WHERE r.status_code < 400) AS p99
      FROM request_logs r WHERE ${recent}`);
    const series = await q<{ t: Date; requests: string; flagged: string; blocked: string; errors: string }>(`
      SELECT to_timestamp(floor(extract(epoch FROM r.created_at) / ${bucket}) * ${bucket}) AS t, count(*) AS requests,
        count(*) FILTER (WHERE ${FLAGGED}) AS flagged,
        count(*) FILTER (WHERE r.error_code = '${ModerationErrorCode.ContentFilter}' OR 'content_filter' = ANY (r.finish_reasons)) AS blocked,
        count(*) FILTER (WHERE r.status_code >= 400) AS errors
      FROM request_logs r WHERE ${recent} GROUP BY 1 ORDER BY 1`);
    const categories = await q<{ category: string; count: string }>(`
      SELECT v->>'category' AS category, count(DISTINCT r.request_id) AS count
      FROM request_logs r, jsonb_array_elements(r.verdicts) v WHERE ${recent} AND ${TRIGGERED} GROUP BY 1 ORDER BY 2 DESC`);
    const applications = await q<{ id: string; name: string; requests: string; flagged: string }>(`
      SELECT a.id, a.name, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged
      FROM request_logs r JOIN applications a ON a.id = r.application_id WHERE ${recent} GROUP BY a.id, a.name ORDER BY 3 DESC LIMIT 10`);
    const keys = await q<{
      id: string;
      prefix: string;
      application_name: string;
      requests: string;
      flagged: string;
    }>(`
      SELECT k.id, k.prefix, a.name AS application_name, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged
      FROM request_logs r JOIN api_keys k ON k.id = r.api_key_id JOIN applications a ON a.id = k.application_id
      WHERE ${recent} GROUP BY k.id, k.prefix, a.name ORDER BY 4 DESC LIMIT 10`);
    const endUsers = await q<{
      application_id: string;
      end_user: string;
      requests: string;
      flagged: string;
    }>(`
      SELECT r.application_id, r.end_user, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged
      FROM request_logs r WHERE ${recent} AND r.end_user IS NOT NULL GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC LIMIT 10`);
    const [{ count: openAlerts }] = await q<{ count: string }>(
      `SELECT count(*) FROM alerts WHERE status <> 'resolved'`,
    );
    const requests = Number(totals.requests);
    const now = new Date();
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
        flaggedRate: requests ? Number(totals.flagged) / requests : 0,
        blockedShare: requests ? Number(totals.blocked) / requests : 0,
      },
      latencyMs: { p50: totals.p50, p90: totals.p90, p99: totals.p99 },
      series: series.map((row) => ({
        t: new Date(row.t).toISOString(),
        requests: Number(row.requests),
        flagged: Number(row.flagged),
        blocked: Number(row.blocked),
        errors: Number(row.errors),
      })),
      flaggedByCategory: categories.map((row) => ({
        category: row.category,
        count: Number(row.count),
        rate: requests ? Number(row.count) / requests : 0,
      })),
      topApplications: applications.map((row) => ({
        id: row.id,
        name: row.name,
        requests: Number(row.requests),
        flagged: Number(row.flagged),
      })),
      topKeys: keys.map((row) => ({
        id: row.id,
        prefix: row.prefix,
        applicationName: row.application_name,
        requests: Number(row.requests),
        flagged: Number(row.flagged),
      })),
      topEndUsers: endUsers.map((row) => ({
        applicationId: row.application_id,
        endUser: row.end_user,
        requests: Number(row.requests),
        flagged: Number(row.flagged),
      })),
      openAlerts: Number(openAlerts),
      labelPrecision: await this.precision.precision(),
    };
  }
}
