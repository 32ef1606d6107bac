import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QueueName } from '../common/queues';
import { FilesModule } from '../files/files.module';
import { InferenceModule } from '../inference/inference.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffModule } from '../staff/staff.module';
import { FineTunedModelsCatalog } from './fine-tuned-models.catalog';
import { FineTunedModelsController } from './fine-tuned-models.controller';
import { AdminFineTuningController } from './fine-tuning.admin.controller';
import { FineTuningController } from './fine-tuning.controller';
import { FineTuningQueue } from './fine-tuning.queue';
import { FineTuningRepository } from './fine-tuning.repository';
import { FineTuningReviewService } from './fine-tuning-review.service';
import { FineTuningService } from './fine-tuning.service';

/** The api side of fine-tuning: the public jobs API, staff review, and serving the fine-tuned models. */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.FineTuning }),
    FilesModule,
    InferenceModule,
    StaffModule,
    AuditModule,
    OrganizationsModule,
  ],
  controllers: [FineTuningController, FineTunedModelsController, AdminFineTuningController],
  providers: [
    FineTuningRepository,
    FineTuningService,
    FineTuningQueue,
    FineTunedModelsCatalog,
    FineTuningReviewService,
  ],
})
export class FineTuningModule {}
