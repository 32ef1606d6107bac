import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PoliciesModule } from '../policies/policies.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AdminPoliciesController } from './application-policies.admin.controller';
import { ApplicationPoliciesService } from './application-policies.service';
import { AdminApplicationsController } from './applications.admin.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { EffectiveThresholdsService } from './effective-thresholds';
import { ReviewService } from './review.service';
import { TopicModelsModule } from '../topicality/topic-models.module';

@Module({
  imports: [AuditModule, OrganizationsModule, PoliciesModule, TopicModelsModule],
  controllers: [AdminApplicationsController, AdminPoliciesController],
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    ReviewService,
    ApplicationPoliciesService,
    EffectiveThresholdsService,
  ],
  exports: [ApplicationsService, ReviewService, ApplicationPoliciesService],
})
export class ApplicationsModule {}
