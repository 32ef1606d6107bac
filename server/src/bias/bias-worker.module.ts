import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { InferenceModule } from '../inference/inference.module';
import { ModerationModule } from '../moderation/moderation.module';
import { BiasRunner } from './bias-runner';
import { BiasRunsProcessor } from './bias-runs.processor';
import { BiasRepository } from './bias.repository';
import { ProbeCatalog } from './probe-catalog';

/**
 * The worker side of bias analysis: the models and the moderation classifier are loaded here, in the worker
 * process, so a run never competes with live traffic on the api's engine. The classifier is the worker's one
 * instance from ModerationModule (the fine-tuning and calibration jobs use it too).
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.BiasRuns }), InferenceModule, ModerationModule],
  providers: [
    BiasRepository,
    { provide: ProbeCatalog, useFactory: () => new ProbeCatalog() },
    BiasRunner,
    BiasRunsProcessor,
  ],
})
export class BiasWorkerModule {}
