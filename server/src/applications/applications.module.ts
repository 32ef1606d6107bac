import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuditModule } from '../audit/audit.module';
import { PoliciesModule } from '../policies/policies.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ApplicationPoliciesService } from './application-policies.service';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { ReviewService } from './review.service';

@Module({
  imports: [ApiKeysModule, AuditModule, OrganizationsModule, PoliciesModule],
  providers: [ApplicationsRepository, ApplicationsService, ReviewService, ApplicationPoliciesService],
  exports: [ApplicationsService, ReviewService, ApplicationPoliciesService],
})
export class ApplicationsModule {}
