import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListPage, ListQuery, ListSpec, runList } from '../admin/list-query';

export interface RequestLogRow {
  requestId: string;
  createdAt: Date;
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
  columns: `r.request_id AS "requestId", r.created_at AS "createdAt", r.application_id AS "applicationId",
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
  },
};

/** Staff reads of the request log; ingestion stays in RequestLogsRepository on the worker. */
@Injectable()
export class RequestLogSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery): Promise<ListPage<RequestLogRow>> {
    return runList<RequestLogRow>(this.dataSource, REQUEST_LOG_LIST, query);
  }

  async findById(requestId: string): Promise<RequestLogRow | null> {
    const [row] = (await this.dataSource.query(`SELECT ${REQUEST_LOG_LIST.columns} ${REQUEST_LOG_LIST.from} WHERE r.request_id = $1`, [
      requestId,
    ])) as RequestLogRow[];
    return row ?? null;
  }
}
