import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PoliciesModule } from '../policies/policies.module';
import { TopicModelsModule } from './topic-models.module';
import { TopicProposalsRepository } from './topic-proposals.repository';
import { AdminTopicalityController } from './topicality.admin.controller';
import { TopicalityService } from './topicality.service';

/** Topicality limits: topic proposals, their review, and the reviewers' preview (the check is in moderation). */
@Module({
  imports: [ApplicationsModule, AuditModule, OrganizationsModule, PoliciesModule, TopicModelsModule],
  controllers: [AdminTopicalityController],
  providers: [TopicalityService, TopicProposalsRepository],
  exports: [TopicalityService],
})
export class TopicalityModule {}
