import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EndUsersModule } from '../end-users/end-users.module';
import { RateLimiter } from '../limits/rate-limiter';
import { OrganizationsModule } from '../organizations/organizations.module';
import { V1Module } from '../v1/v1.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { LabelQueuesAdminController } from './label-queues.admin.controller';
import { LabelQueuesService } from './label-queues.service';
import { LabelsAdminController } from './labels.admin.controller';

/** Human feedback: `/v1/feedback`, staff labels and labeling queues, strike refunds, dataset export. */
@Module({
  imports: [V1Module, EndUsersModule, AuditModule, OrganizationsModule],
  controllers: [FeedbackController, LabelQueuesAdminController, LabelsAdminController],
  providers: [FeedbackRepository, FeedbackService, LabelQueuesService, RateLimiter],
  exports: [FeedbackService],
})
export class FeedbackModule {}
