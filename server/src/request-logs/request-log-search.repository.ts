import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery, ListSpec, runList } from '../admin/list-query';
import { InvalidRequestError } from '../common/errors';

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
  output: unknown;
  verdicts: unknown;
}

export const REQUEST_LOG_LIST: ListSpec = {
  resource: 'request-logs',
  columns: `r.request_id AS "requestId", r.created_at AS "createdAt", r.endpoint, r.stream, r.finish_reasons AS "finishReasons",
    r.time_to_first_token_ms AS "timeToFirstTokenMs", r.client_ip AS "clientIp", r.application_id AS "applicationId",
    r.api_key_id AS "apiKeyId", r.end_user AS "endUser", r.model, r.status_code AS "statusCode", r.error_code AS "errorCode",
    r.prompt_tokens AS "promptTokens", r.completion_tokens AS "completionTokens", r.latency_ms AS "latencyMs",
    r.prompt, r.output, r.verdicts`,
  from: 'FROM request_logs r',
  sortable: {
    id: 'r.created_at',
    createdAt: 'r.created_at',
    statusCode: 'r.status_code',
    latencyMs: 'r.latency_ms',
    model: 'r.model',
    endUser: 'r.end_user',
  },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  tiebreaker: 'r.request_id',
  filters: {
    id: { kind: 'equals', column: 'r.request_id', type: 'text' },
    applicationId: { kind: 'equals', column: 'r.application_id', type: 'uuid' },
    apiKeyId: { kind: 'equals', column: 'r.api_key_id', type: 'uuid' },
    statusCode: { kind: 'equals', column: 'r.status_code', type: 'int' },
    endUser: { kind: 'equals', column: 'r.end_user', type: 'text' },
    model: { kind: 'equals', column: 'r.model', type: 'text' },
    errorCode: { kind: 'equals', column: 'r.error_code', type: 'text' },
    endpoint: {
      kind: 'equals',
      column: 'r.endpoint',
      type: 'text',
      allowed: ['/v1/completions', '/v1/chat/completions', '/v1/moderations'],
    },
    /** Postgres full-text search over prompts and outputs (web-search syntax: "quoted phrases", -excluded, or). */
    q: {
      kind: 'custom',
      type: 'text',
      build: (values, param) => `r.search @@ websearch_to_tsquery('english', ${param(values[0])})`,
    },
    /** Requests with a triggered verdict in any of these categories. */
    category: {
      kind: 'custom',
      type: 'text',
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
      kind: 'custom',
      type: 'text',
      allowed: ['observe', 'flag', 'redact', 'hold', 'block'],
      build: (values, param) =>
        values
          .map(
            (value) => `r.verdicts @> ${param(JSON.stringify([{ action: value, triggered: true }]))}::jsonb`,
          )
          .join(' OR '),
    },
    flagged: {
      kind: 'custom',
      type: 'text',
      allowed: ['true', 'false'],
      build: (values) =>
        `${values[0] === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM jsonb_array_elements(r.verdicts) v WHERE (v->>'triggered')::boolean AND v->>'action' IN ('flag', 'redact', 'hold', 'block'))`,
    },
    createdAfter: {
      kind: 'custom',
      type: 'text',
      build: (values, param) => `r.created_at >= ${param(timestamp(values[0], 'createdAfter'))}::timestamptz`,
    },
    createdBefore: {
      kind: 'custom',
      type: 'text',
      build: (values, param) => `r.created_at < ${param(timestamp(values[0], 'createdBefore'))}::timestamptz`,
    },
  },
};

function timestamp(value: string | number, name: string): string {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    throw new InvalidRequestError('invalid_list_query', `filter ${name} must be an ISO date or time`, name);
  }
  return parsed.toISOString();
}

/** Staff reads of the request log; ingestion stays in RequestLogsRepository on the worker. */
@Injectable()
export class RequestLogSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery): Promise<ListPage<RequestLogRow>> {
    return runList<RequestLogRow>(this.dataSource, REQUEST_LOG_LIST, query);
  }

  async findById(requestId: string): Promise<RequestLogRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${REQUEST_LOG_LIST.columns} ${REQUEST_LOG_LIST.from} WHERE r.request_id = $1`,
      [requestId],
    )) as RequestLogRow[];
    return row ?? null;
  }
}
