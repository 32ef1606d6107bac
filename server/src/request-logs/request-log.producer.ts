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
 * Hands request-log records to the worker through BullMQ. Records arriving within a few milliseconds share one
 * job, and each caller is released only once Redis holds its record, so an answered request is never unlogged.
 */
@Injectable()
export class RequestLogProducer implements OnApplicationShutdown {
  private pending: Pending[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QueueName.RequestLogs) private readonly queue: Queue<PersistRequestLogsJob>,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  record(record: RequestLogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, resolve, reject });
      if (this.pending.length >= this.config.requestLog.batchSize) {
        void this.flush();
      } else {
        this.timer ??= setTimeout(() => void this.flush(), this.config.requestLog.flushMs);
      }
    });
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) {
      return;
    }
    try {
      await this.queue.add(
        JobName.PersistRequestLogs,
        { records: batch.map((entry) => entry.record) },
        { ...DEFAULT_JOB_OPTIONS, jobId: `logs-${randomUUID()}` },
      );
      batch.forEach((entry) => entry.resolve());
    } catch (err) {
      batch.forEach((entry) => entry.reject(err));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
