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
 * record, so an answered request is never unlogged. Jobs leave at most once per flush window: a record arriving when
 * none left within the last window goes at once (an idle server adds one Redis round trip to a response, not the
 * window), while under load the records of a window share one job, so the worker's transactions stay few.
 */
@Injectable()
export class RequestLogProducer implements OnApplicationShutdown {
  private pending: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private scheduled = false;
  private lastHandOff = -Infinity;
  private readonly outstanding = new Set<Promise<void>>();

  constructor(
    @InjectQueue(QueueName.RequestLogs) private readonly queue: Queue<PersistRequestLogsJob>,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  record(record: RequestLogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, resolve, reject });
      if (this.pending.length >= this.config.requestLog.batchSize) {
        this.flush();
      } else if (!this.scheduled) {
        this.scheduled = true;
        const wait = this.lastHandOff + this.config.requestLog.flushMs - performance.now();
        if (wait > 0) {
          this.timer = setTimeout(() => this.flush(), wait);
        } else {
          // Still a microtask later, so that records of the same tick (requests finishing together) share the job.
          queueMicrotask(() => this.flush());
        }
      }
    });
  }

  /** Sends what is still pending and waits until Redis has answered for every record. */
  async onApplicationShutdown(): Promise<void> {
    this.flush();
    await Promise.all(this.outstanding);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = false;
    if (this.pending.length === 0) return;
    this.lastHandOff = performance.now();
    this.handOff(this.pending.splice(0));
  }

  /** The outcome goes to each record's caller; `outstanding` lets shutdown wait for it. */
  private handOff(batch: Pending[]): void {
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
  }
}
