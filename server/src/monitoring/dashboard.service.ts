import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LabelPrecisionRepository } from '../feedback/label-precision.repository';
import { MONITORING_WINDOWS, type MonitoringSummary, type MonitoringWindow } from '../contracts';
import { ModerationErrorCode } from '../moderation/moderation.errors';
import { SummaryRows, toMonitoringSummary } from './monitoring.dto';

const TRIGGERED = `(v->>'triggered')::boolean AND v->>'action' IN ('flag', 'redact', 'hold', 'block')`;
const FLAGGED = `EXISTS (SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE ${TRIGGERED})`;

/** What the monitoring dashboard charts, computed from the request log over a chosen window. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly precision: LabelPrecisionRepository,
  ) {}

  async summary(window: MonitoringWindow): Promise<MonitoringSummary> {
    const { seconds, bucket } = MONITORING_WINDOWS[window];
    const recent = `r.created_at > now() - make_interval(secs => ${seconds})`;
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const [totals] = await q<SummaryRows['totals']>(`
      SELECT count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged,
        count(*) FILTER (WHERE r.error_code = '${ModerationErrorCode.ContentFilter}' OR 'content_filter' = ANY (r.finish_reasons)) AS blocked,
        count(*) FILTER (WHERE r.status_code >= 400) AS errors,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.latency_ms) FILTER (WHERE r.status_code < 400) AS p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY r.latency_ms) FILTER (WHERE r.status_code < 400) AS p90,
        percentile_cont(0.99) WITHIN GROUP (ORDER BY r.latency_ms) FILTER (WHERE r.status_code < 400) AS p99
      FROM request_logs r WHERE ${recent}`);
    const series = await q<SummaryRows['series'][number]>(`
      SELECT to_timestamp(floor(extract(epoch FROM r.created_at) / ${bucket}) * ${bucket}) AS t, count(*) AS requests,
        count(*) FILTER (WHERE ${FLAGGED}) AS flagged,
        count(*) FILTER (WHERE r.error_code = '${ModerationErrorCode.ContentFilter}' OR 'content_filter' = ANY (r.finish_reasons)) AS blocked,
        count(*) FILTER (WHERE r.status_code >= 400) AS errors
      FROM request_logs r WHERE ${recent} GROUP BY 1 ORDER BY 1`);
    const categories = await q<SummaryRows['categories'][number]>(`
      SELECT v->>'category' AS category, count(DISTINCT r.request_id) AS count
      FROM request_logs r, jsonb_array_elements(r.verdicts) v WHERE ${recent} AND ${TRIGGERED} GROUP BY 1 ORDER BY 2 DESC`);
    const applications = await q<SummaryRows['applications'][number]>(`
      SELECT a.id, a.name, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged
      FROM request_logs r JOIN applications a ON a.id = r.application_id WHERE ${recent} GROUP BY a.id, a.name ORDER BY 3 DESC LIMIT 10`);
    const keys = await q<SummaryRows['keys'][number]>(`
      SELECT k.id, k.prefix, a.name AS application_name, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged
      FROM request_logs r JOIN api_keys k ON k.id = r.api_key_id JOIN applications a ON a.id = k.application_id
      WHERE ${recent} GROUP BY k.id, k.prefix, a.name ORDER BY 4 DESC LIMIT 10`);
    const endUsers = await q<SummaryRows['endUsers'][number]>(`
      SELECT r.application_id, r.end_user, count(*) AS requests, count(*) FILTER (WHERE ${FLAGGED}) AS flagged
      FROM request_logs r WHERE ${recent} AND r.end_user IS NOT NULL GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC LIMIT 10`);
    const [{ count: openAlerts }] = await q<{ count: string }>(
      `SELECT count(*) FROM alerts WHERE status <> 'resolved'`,
    );
    return toMonitoringSummary(window, new Date(), {
      totals,
      series,
      categories,
      applications,
      keys,
      endUsers,
      openAlerts,
      labelPrecision: await this.precision.precision(),
    });
  }
}
