import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BiasRunQueue } from '../bias/bias-run.queue';
import { BiasRepository } from '../bias/bias.repository';
import { QueueName } from '../common/queues';
import { FilesStoreModule } from '../files/files-store.module';
import { InferenceModule } from '../inference/inference.module';
import { ModerationModule } from '../moderation/moderation.module';
import { PoliciesModule } from '../policies/policies.module';
import { FineTunedModelsCatalog } from './fine-tuned-models.catalog';
import { FineTuningProcessor } from './fine-tuning.processor';
import { FineTuningRepository } from './fine-tuning.repository';
import { FineTuningRunner } from './fine-tuning.runner';
import { TrainingDataScreening } from './screening';

/**
 * The worker side of fine-tuning: screening with the moderation checks, training, and the models it produces
 * (registered here too, so samples and bias runs can call them).
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.FineTuning }, { name: QueueName.BiasRuns }),
    InferenceModule,
    FilesStoreModule,
    ApplicationsModule,
    PoliciesModule,
    ModerationModule,
  ],
  providers: [
    FineTuningRepository,
    FineTunedModelsCatalog,
    TrainingDataScreening,
    BiasRepository,
    BiasRunQueue,
    FineTuningRunner,
    FineTuningProcessor,
  ],
})
export class FineTuningWorkerModule {}
