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
 * record, so an answered request is never unlogged. Hand-offs are group commits with no timer: one job is in
 * flight at a time, records arriving meanwhile wait for its answer and then leave together as the next job. An idle
 * server adds one Redis round trip to a response; under load a record waits at most for the round trip already
 * under way (never a fixed window), and the busier the server, the more records share a job, so the worker's
 * transactions stay few.
 */
@Injectable()
export class RequestLogProducer implements OnApplicationShutdown {
  private pending: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
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
      } else if (!this.scheduled && this.inFlight === 0) {
        this.scheduled = true;
        // A microtask later, so that records of the same tick (requests finishing together) share the job.
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Sends what is still pending and waits until Redis has answered for every record. */
  async onApplicationShutdown(): Promise<void> {
    this.flush();
    while (this.outstanding.size > 0) await Promise.all(this.outstanding);
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    this.handOff(this.pending.splice(0, this.config.requestLog.batchSize));
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
      .finally(() => {
        this.outstanding.delete(done);
        this.inFlight--;
        // What gathered while this job was in flight leaves now, as one job.
        if (this.inFlight === 0) this.flush();
      });
    this.inFlight++;
    this.outstanding.add(done);
  }
}
