import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestLogRecord } from './request-log.record';

const COLUMNS: Array<[keyof RequestLogRecord, string, string]> = [
  ['requestId', 'request_id', 'text'],
  ['createdAt', 'created_at', 'timestamptz'],
  ['endpoint', 'endpoint', 'text'],
  ['apiKeyId', 'api_key_id', 'uuid'],
  ['applicationId', 'application_id', 'uuid'],
  ['organizationId', 'organization_id', 'uuid'],
  ['endUser', 'end_user', 'text'],
  ['model', 'model', 'text'],
  ['prompt', 'prompt', 'jsonb'],
  ['output', 'output', 'jsonb'],
  ['stream', 'stream', 'boolean'],
  ['statusCode', 'status_code', 'int'],
  ['errorCode', 'error_code', 'text'],
  ['errorMessage', 'error_message', 'text'],
  ['finishReasons', 'finish_reasons', 'text[]'],
  ['promptTokens', 'prompt_tokens', 'int'],
  ['completionTokens', 'completion_tokens', 'int'],
  ['latencyMs', 'latency_ms', 'double precision'],
  ['timeToFirstTokenMs', 'time_to_first_token_ms', 'double precision'],
  ['verdicts', 'verdicts', 'jsonb'],
  ['clientIp', 'client_ip', 'text'],
  ['sanitized', 'sanitized', 'text[]'],
  ['clientRequestId', 'client_request_id', 'text'],
  ['suffix', 'suffix', 'text'],
  ['forwarded', 'forwarded', 'jsonb'],
];

const INSERT_BATCH = `
  INSERT INTO request_logs (${COLUMNS.map(([, column]) => column).join(', ')})
  SELECT ${COLUMNS.map(([, column]) => (column === 'verdicts' ? `coalesce(r.verdicts, '[]'::jsonb)` : `r.${column}`)).join(', ')}
  FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', ')})
  ON CONFLICT (request_id, created_at) DO NOTHING
  RETURNING request_id`;

@Injectable()
export class RequestLogsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement per batch; a redelivered batch inserts nothing twice because request ids are unique.
   * Returns the records this call inserted, so whatever is derived from them is derived exactly once.
   */
  async insertBatch(
    records: RequestLogRecord[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RequestLogRecord[]> {
    if (records.length === 0) {
      return [];
    }
    const rows = records.map((record) =>
      Object.fromEntries(COLUMNS.map(([field, column]) => [column, record[field] ?? null])),
    );
    const inserted = new Set(
      ((await manager.query(INSERT_BATCH, [JSON.stringify(rows)])) as Array<{ request_id: string }>).map(
        (row) => row.request_id,
      ),
    );
    return records.filter((record) => inserted.has(record.requestId));
  }

  /** Keeps a record that could not be written, with the reason, for an operator to inspect and replay. */
  async deadLetter(record: RequestLogRecord, reason: string): Promise<void> {
    const createdAt = Number.isNaN(Date.parse(record.createdAt))
      ? new Date().toISOString()
      : record.createdAt;
    await this.dataSource.query(
      `INSERT INTO request_log_dead_letters (request_id, created_at, application_id, reason, record)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [record.requestId, createdAt, record.applicationId, reason, JSON.stringify(record)],
    );
  }

  /** Keeps a hand-off that is not records at all (its text as it came), under `origin` as its request id. */
  async deadLetterText(origin: string, reason: string, text: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO request_log_dead_letters (request_id, created_at, application_id, reason, record)
       VALUES ($1, now(), NULL, $2, $3) ON CONFLICT DO NOTHING`,
      [origin, reason, text],
    );
  }

  async countDeadLetters(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM request_log_dead_letters`,
    )) as Array<{
      count: number;
    }>;
    return row.count;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Creates the monthly partitions from this month to `monthsAhead` months on, so rows never land in the default. */
  async ensurePartitions(monthsAhead: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT warden_ensure_request_log_partition((date_trunc('month', now()) + make_interval(months => m))::date) AS name
       FROM generate_series(0, $1::int) AS m`,
      [monthsAhead],
    )) as Array<{ name: string }>;
    return rows.map((row) => row.name);
  }

  /** Deletes one batch of an application's rows older than its retention; returns how many went. */
  async deleteExpiredBatch(
    applicationId: string | null,
    retentionDays: number,
    batchSize: number,
  ): Promise<number> {
    const result = (await this.dataSource.query(
      `DELETE FROM request_logs WHERE (request_id, created_at) IN (
         SELECT request_id, created_at FROM request_logs
         WHERE application_id IS NOT DISTINCT FROM $1::uuid AND created_at < now() - make_interval(days => $2::int)
         LIMIT $3)`,
      [applicationId, retentionDays, batchSize],
    )) as [unknown[], number];
    return result[1];
  }
}
