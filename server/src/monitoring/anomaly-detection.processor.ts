import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobName, QueueName } from '../common/queues';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { AnomalyDetectorService } from './anomaly-detector.service';
import { EndUsersService } from '../end-users/end-users.service';

/**
 * The worker evaluates the anomaly rules on a schedule (alerts are deduplicated per window, so reruns are harmless)
 * and, on the same beat, lets lapse the end-user throttles and blocks whose strike points have faded.
 */
@Processor(QueueName.Monitoring)
export class AnomalyDetectionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly detector: AnomalyDetectorService,
    private readonly endUsers: EndUsersService,
    @InjectQueue(QueueName.Monitoring) private readonly queue: Queue,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.EvaluateAnomalyRules,
      { every: this.config.monitoring.intervalMs },
      {
        name: JobName.EvaluateAnomalyRules,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }

  async process(job: Job): Promise<{ alerts: number; lapsedEndUsers: number }> {
    if (job.name !== JobName.EvaluateAnomalyRules) {
      throw new Error(`unknown job ${job.name} on ${QueueName.Monitoring}`);
    }
    const alerts = (await this.detector.runOnce()).length;
    return { alerts, lapsedEndUsers: await this.endUsers.lapseFadedStrikes() };
  }
}
