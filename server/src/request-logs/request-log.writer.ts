import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { EndUsersService } from '../end-users/end-users.service';
import { RequestLogRecord } from './request-log.record';
import { sanitizeRecord } from './request-log.sanitize';
import { RequestLogsRepository } from './request-logs.repository';

export interface WriteOutcome {
  inserted: number;
  deadLettered: number;
}

/**
 * Writes request-log records to Postgres, whichever way they came (the stream, or a job queued by an older api).
 * Idempotent: a record written before inserts nothing twice, and end-user activity is derived only from the rows a
 * call inserted. Throws only when the database is away (the caller keeps the records and tries again); a row the
 * database refuses goes to dead letters and never blocks its neighbours.
 */
@Injectable()
export class RequestLogWriter {
  constructor(
    private readonly repository: RequestLogsRepository,
    private readonly endUsers: EndUsersService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async write(original: RequestLogRecord[], source: Record<string, unknown>): Promise<WriteOutcome> {
    const records = original.map(sanitizeRecord);
    let inserted = 0;
    let deadLettered = 0;
    try {
      inserted = await this.persist(records);
    } catch (err) {
      if (!isRowError(err)) throw err; // the database is away, not the rows wrong: the caller tries again
      // One bad row must not take the others with it: each row alone, and the ones still refused kept aside.
      this.logger.warn({ ...source, err }, 'request log batch refused; writing its rows one by one');
      for (const [index, record] of records.entries()) {
        try {
          inserted += await this.persist([record]);
        } catch (rowErr) {
          if (!isRowError(rowErr)) throw rowErr;
          await this.deadLetter(
            original[index],
            rowErr instanceof Error ? rowErr.message : String(rowErr),
            source,
          );
          deadLettered++;
        }
      }
    }
    this.logger.debug(
      { ...source, records: records.length, inserted, deadLettered },
      'request logs persisted',
    );
    return { inserted, deadLettered };
  }

  /** Keeps a record that cannot be written, as it arrived, with the reason. */
  async deadLetter(record: RequestLogRecord, reason: string, source: Record<string, unknown>): Promise<void> {
    await this.repository.deadLetter(record, reason);
    this.logger.error({ ...source, requestId: record.requestId, reason }, 'request log row dead-lettered');
  }

  /** Keeps a hand-off that cannot even be read as records, under a request id naming where it came from. */
  async deadLetterUnreadable(origin: string, reason: string, raw: string): Promise<void> {
    // Postgres text holds no NUL character; the rest is kept as it came.
    await this.repository.deadLetterText(origin, reason, raw.replace(/\u0000/g, '\ufffd'));
    this.logger.error({ origin, reason }, 'unreadable request log hand-off dead-lettered');
  }

  /** Inserts rows and the end-user activity derived from them in one transaction; redelivery inserts nothing twice. */
  private async persist(records: RequestLogRecord[]): Promise<number> {
    // One INSERT is atomic on its own: only end-user activity, derived from the same rows, needs the transaction.
    if (!records.some(hasEndUser)) return (await this.repository.insertBatch(records)).length;
    const { inserted, activity } = await this.repository.transaction(async (manager) => {
      const rows = await this.repository.insertBatch(records, manager);
      return { inserted: rows.length, activity: await this.endUsers.recordActivity(manager, rows) };
    });
    await this.endUsers.applyStrikes(activity);
    return inserted;
  }
}

function hasEndUser(record: RequestLogRecord): boolean {
  return Boolean(record.applicationId && record.endUser);
}

/**
 * Errors the rows themselves cause (SQLSTATE classes 22 data exception, 23 integrity violation, 54 program limit
 * such as an index entry or tsvector too large), as opposed to a database that cannot be reached.
 */
function isRowError(err: unknown): boolean {
  const code =
    (err as { code?: unknown }).code ?? (err as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}
