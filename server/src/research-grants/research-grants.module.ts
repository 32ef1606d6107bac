import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AdminResearchGrantsController } from './research-grants.admin.controller';
import { ResearchGrantsRepository } from './research-grants.repository';
import { ResearchGrantsService } from './research-grants.service';
import { ResearchQuotaCounter } from './research-quota';

/** The academic access program: research grants, their terms, renewals and quotas. */
@Module({
  imports: [AuditModule, ApplicationsModule, OrganizationsModule],
  controllers: [AdminResearchGrantsController],
  providers: [ResearchGrantsRepository, ResearchGrantsService, ResearchQuotaCounter],
  exports: [ResearchGrantsService],
})
export class ResearchGrantsModule {}
