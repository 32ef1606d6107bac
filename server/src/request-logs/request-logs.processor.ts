import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { JobName, QueueName } from '../common/queues';
import { PersistRequestLogsJob } from './request-log.record';
import { RequestLogWriter, WriteOutcome } from './request-log.writer';

/**
 * Jobs an api from before the request-log stream queued: drained after an upgrade, so nothing it accepted is lost.
 * Today's api hands records over through the stream (`request-log.consumer.ts`).
 */
// Short locks: a worker killed mid-batch hands its jobs to another within seconds, not the default half minute.
@Processor(QueueName.RequestLogs, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 10 })
export class RequestLogsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly writer: RequestLogWriter,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job<PersistRequestLogsJob>): Promise<WriteOutcome> {
    if (job.name !== JobName.PersistRequestLogs) {
      throw new Error(`unknown job ${job.name} on ${QueueName.RequestLogs}`);
    }
    // A thrown error (the database away) leaves the job to BullMQ's retries.
    return this.writer.write(job.data.records, { jobId: job.id });
  }
}
