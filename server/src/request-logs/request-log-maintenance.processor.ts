import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ApplicationEntity, ApplicationStatus } from '../applications/application.entity';
import { LOGGER } from '../common/logger.module';
import { JobName, QueueName } from '../common/queues';
import { defaultPolicy } from '../policies/policy.defaults';
import { PoliciesService } from '../policies/policies.service';
import { RequestLogsRepository } from './request-logs.repository';

const RETENTION_BATCH = 5000;
const PARTITION_MONTHS_AHEAD = 2;

/** Keeps the request log healthy: partitions ahead of time, and retention by each application's policy. */
@Processor(QueueName.Maintenance)
export class RequestLogMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly repository: RequestLogsRepository,
    private readonly policies: PoliciesService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  /** Job schedulers are upserted, so every worker may declare them; Redis keeps one schedule. */
  async onApplicationBootstrap(): Promise<void> {
    const options = {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { count: 50 },
      removeOnFail: { count: 50 },
    };
    await this.queue.upsertJobScheduler(
      JobName.EnsureRequestLogPartitions,
      { every: 6 * 3600_000 },
      { name: JobName.EnsureRequestLogPartitions, opts: options },
    );
    await this.queue.upsertJobScheduler(
      JobName.ApplyRequestLogRetention,
      { every: 3600_000 },
      { name: JobName.ApplyRequestLogRetention, opts: options },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.EnsureRequestLogPartitions:
        return { partitions: await this.repository.ensurePartitions(PARTITION_MONTHS_AHEAD) };
      case JobName.ApplyRequestLogRetention:
        return { deleted: await this.applyRetention() };
      default:
        throw new Error(`unknown job ${job.name} on ${QueueName.Maintenance}`);
    }
  }

  async applyRetention(): Promise<number> {
    const applications = await this.dataSource
      .getRepository(ApplicationEntity)
      .find({ select: { id: true, status: true } });
    const targets: Array<{ id: string | null; days: number }> = [
      ...(await Promise.all(
        applications.map(async (application) => ({
          id: application.id,
          days: (await this.policies.resolve(application)).retentionDays,
        })),
      )),
      { id: null, days: defaultPolicy(ApplicationStatus.Live).retentionDays },
    ];
    let deleted = 0;
    for (const target of targets) {
      for (let batch = RETENTION_BATCH; batch === RETENTION_BATCH;) {
        batch = await this.repository.deleteExpiredBatch(target.id, target.days, RETENTION_BATCH);
        deleted += batch;
      }
    }
    if (deleted > 0) this.logger.info({ deleted }, 'request-log retention applied');
    return deleted;
  }
}
