import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { InferenceModule } from '../inference/inference.module';
import { ClassifierService } from '../moderation/classifier/classifier.service';
import { BiasRunner } from './bias-runner';
import { BiasRunsProcessor } from './bias-runs.processor';
import { BiasRepository } from './bias.repository';
import { ProbeCatalog } from './probe-catalog';

/**
 * The worker side of bias analysis: the models and the moderation classifier are loaded here, in the worker
 * process, so a run never competes with live traffic on the api's engine.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.BiasRuns }), InferenceModule],
  providers: [
    BiasRepository,
    { provide: ProbeCatalog, useFactory: () => new ProbeCatalog() },
    ClassifierService,
    BiasRunner,
    BiasRunsProcessor,
  ],
})
export class BiasWorkerModule {}
