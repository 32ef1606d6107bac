import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { ListSource, runList } from '../database/list-sql';
import { CommonErrorCode, InvalidRequestError } from '../common/errors';
import { REQUEST_LOG_LIST, RequestLogFilterField, RequestLogSortField } from './request-log-search.dto';

export interface RequestLogRow {
  requestId: string;
  createdAt: Date;
  endpoint: string;
  stream: boolean;
  finishReasons: string[] | null;
  timeToFirstTokenMs: number | null;
  clientIp: string | null;
  applicationId: string | null;
  apiKeyId: string | null;
  endUser: string | null;
  model: string | null;
  statusCode: number;
  errorCode: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  prompt: unknown;
  suffix: string | null;
  forwarded: unknown;
  output: unknown;
  verdicts: unknown;
}

export const REQUEST_LOG_LIST_SOURCE: ListSource<RequestLogSortField, RequestLogFilterField> = {
  contract: REQUEST_LOG_LIST,
  columns: `r.request_id AS "requestId", r.created_at AS "createdAt", r.endpoint, r.stream, r.finish_reasons AS "finishReasons",
    r.time_to_first_token_ms AS "timeToFirstTokenMs", r.client_ip AS "clientIp", r.application_id AS "applicationId",
    r.api_key_id AS "apiKeyId", r.end_user AS "endUser", r.model, r.status_code AS "statusCode", r.error_code AS "errorCode",
    r.prompt_tokens AS "promptTokens", r.completion_tokens AS "completionTokens", r.latency_ms AS "latencyMs",
    r.prompt, r.suffix, r.forwarded, r.output, r.verdicts`,
  from: 'FROM request_logs r',
  sortColumns: {
    id: 'r.created_at',
    createdAt: 'r.created_at',
    statusCode: 'r.status_code',
    latencyMs: 'r.latency_ms',
    model: 'r.model',
    endUser: 'r.end_user',
  },
  tiebreaker: 'r.request_id',
  filterSql: {
    id: { column: 'r.request_id' },
    applicationId: { column: 'r.application_id' },
    apiKeyId: { column: 'r.api_key_id' },
    statusCode: { column: 'r.status_code' },
    endUser: { column: 'r.end_user' },
    model: { column: 'r.model' },
    errorCode: { column: 'r.error_code' },
    endpoint: { column: 'r.endpoint' },
    /** Postgres full-text search over prompts and outputs (web-search syntax: "quoted phrases", -excluded, or). */
    q: {
      build: (values, param) => `r.search @@ websearch_to_tsquery('english', ${param(values[0])})`,
    },
    /** Requests with a triggered verdict in any of these categories. */
    category: {
      build: (values, param) =>
        values
          .map(
            (value) =>
              `r.verdicts @> ${param(JSON.stringify([{ category: value, triggered: true }]))}::jsonb`,
          )
          .join(' OR '),
    },
    /** Requests where a triggered verdict asked for any of these actions. */
    action: {
      build: (values, param) =>
        values
          .map(
            (value) => `r.verdicts @> ${param(JSON.stringify([{ action: value, triggered: true }]))}::jsonb`,
          )
          .join(' OR '),
    },
    flagged: {
      build: (values) =>
        `${values[0] === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE (v->>'triggered')::boolean AND v->>'action' IN ('flag', 'redact', 'hold', 'block'))`,
    },
    createdAfter: {
      build: (values, param) => `r.created_at >= ${param(timestamp(values[0], 'createdAfter'))}::timestamptz`,
    },
    createdBefore: {
      build: (values, param) => `r.created_at < ${param(timestamp(values[0], 'createdBefore'))}::timestamptz`,
    },
  },
};

function timestamp(value: string | number, name: string): string {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidListQuery,
      `filter ${name} must be an ISO date or time`,
      name,
    );
  }
  return parsed.toISOString();
}

/** Staff reads of the request log; ingestion stays in RequestLogsRepository on the worker. */
@Injectable()
export class RequestLogSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery): Promise<ListPage<RequestLogRow>> {
    return runList<RequestLogRow>(this.dataSource, REQUEST_LOG_LIST_SOURCE, query);
  }

  async findById(requestId: string): Promise<RequestLogRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${REQUEST_LOG_LIST_SOURCE.columns} ${REQUEST_LOG_LIST_SOURCE.from} WHERE r.request_id = $1`,
      [requestId],
    )) as RequestLogRow[];
    return row ?? null;
  }
}
