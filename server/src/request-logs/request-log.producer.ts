import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName } from '../common/queues';
import { PersistRequestLogsJob, RequestLogRecord } from './request-log.record';

interface Pending {
  record: RequestLogRecord;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Hands request-log records to the worker through BullMQ, and releases each caller only once Redis holds its
 * record, so an answered request is never unlogged. Batching is a group commit rather than a timed window: a lone
 * record leaves at once, and records arriving while a hand-off is in flight go together in the next one, so
 * batches grow with the load while an idle server adds only one Redis round trip to a response.
 */
@Injectable()
export class RequestLogProducer implements OnApplicationShutdown {
  private pending: Pending[] = [];
  /** Whether the group-commit hand-off is on its way to Redis; records arriving meanwhile wait for the next. */
  private committing = false;
  private scheduled = false;
  private readonly outstanding = new Set<Promise<void>>();

  constructor(
    @InjectQueue(QueueName.RequestLogs) private readonly queue: Queue<PersistRequestLogsJob>,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  record(record: RequestLogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, resolve, reject });
      if (this.pending.length >= this.config.requestLog.batchSize) {
        void this.handOff(this.pending.splice(0));
      } else if (!this.committing && !this.scheduled) {
        // Records of the same tick (requests finishing together) share the job.
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.commit();
        });
      }
    });
  }

  /** Sends what is still pending and waits until Redis has answered for every record. */
  async onApplicationShutdown(): Promise<void> {
    while (this.pending.length > 0 || this.outstanding.size > 0) {
      if (this.pending.length > 0) void this.handOff(this.pending.splice(0));
      await Promise.all(this.outstanding);
    }
  }

  private commit(): void {
    if (this.committing || this.pending.length === 0) return;
    this.committing = true;
    void this.handOff(this.pending.splice(0)).then(() => {
      this.committing = false;
      this.commit();
    });
  }

  /** Never rejects: the outcome goes to each record's caller. */
  private handOff(batch: Pending[]): Promise<void> {
    const done = this.queue
      .add(
        JobName.PersistRequestLogs,
        { records: batch.map((entry) => entry.record) },
        { ...DEFAULT_JOB_OPTIONS, jobId: `logs-${randomUUID()}` },
      )
      .then(
        () => batch.forEach((entry) => entry.resolve()),
        (err: unknown) => batch.forEach((entry) => entry.reject(err)),
      )
      .finally(() => this.outstanding.delete(done));
    this.outstanding.add(done);
    return done;
  }
}
