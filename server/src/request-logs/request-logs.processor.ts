import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { JobName, QueueName } from '../common/queues';
import { PersistRequestLogsJob } from './request-log.record';
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

  async process(job: Job<PersistRequestLogsJob>): Promise<{ inserted: number }> {
    if (job.name !== JobName.PersistRequestLogs) {
      throw new Error(`unknown job ${job.name} on ${QueueName.RequestLogs}`);
    }
    const { inserted, endUsers } = await this.repository.transaction(async (manager) => {
      const rows = await this.repository.insertBatch(job.data.records, manager);
      return { inserted: rows.length, endUsers: await this.endUsers.recordActivity(manager, rows) };
    });
    await this.endUsers.applyStrikes(endUsers);
    this.logger.debug(
      { jobId: job.id, records: job.data.records.length, inserted },
      'request logs persisted',
    );
    return { inserted };
  }
}
