import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { JobName, QueueName } from '../common/queues';
import { PersistRequestLogsJob, RequestLogRecord } from './request-log.record';
import { sanitizeRecord } from './request-log.sanitize';
import { EndUsersService } from '../end-users/end-users.service';
import { RequestLogsRepository } from './request-logs.repository';

// Short locks: a worker killed mid-batch hands its jobs to another within seconds, not the default half minute.
@Processor(QueueName.RequestLogs, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 10 })
export class RequestLogsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly repository: RequestLogsRepository,
    private readonly endUsers: EndUsersService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job<PersistRequestLogsJob>): Promise<{ inserted: number; deadLettered: number }> {
    if (job.name !== JobName.PersistRequestLogs) {
      throw new Error(`unknown job ${job.name} on ${QueueName.RequestLogs}`);
    }
    const records = job.data.records.map(sanitizeRecord);
    let inserted = 0;
    let deadLettered = 0;
    try {
      inserted = await this.persist(records);
    } catch (err) {
      if (!isRowError(err)) throw err; // the database is away, not the rows wrong: BullMQ retries the batch
      // One bad row must not take the others with it: each row alone, and the ones still refused kept aside.
      this.logger.warn({ jobId: job.id, err }, 'request log batch refused; writing its rows one by one');
      for (const [index, record] of records.entries()) {
        try {
          inserted += await this.persist([record]);
        } catch (rowErr) {
          if (!isRowError(rowErr)) throw rowErr;
          const reason = rowErr instanceof Error ? rowErr.message : String(rowErr);
          await this.repository.deadLetter(job.data.records[index], reason);
          deadLettered++;
          this.logger.error(
            { jobId: job.id, requestId: record.requestId, reason },
            'request log row dead-lettered',
          );
        }
      }
    }
    this.logger.debug(
      { jobId: job.id, records: records.length, inserted, deadLettered },
      'request logs persisted',
    );
    return { inserted, deadLettered };
  }

  /** Inserts rows and the end-user activity derived from them in one transaction; redelivery inserts nothing twice. */
  private async persist(records: RequestLogRecord[]): Promise<number> {
    // One INSERT is atomic on its own: only end-user activity, derived from the same rows, needs the transaction.
    if (!records.some(hasEndUser)) return (await this.repository.insertBatch(records)).length;
    const { inserted, endUsers } = await this.repository.transaction(async (manager) => {
      const rows = await this.repository.insertBatch(records, manager);
      return { inserted: rows.length, endUsers: await this.endUsers.recordActivity(manager, rows) };
    });
    await this.endUsers.applyStrikes(endUsers);
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
