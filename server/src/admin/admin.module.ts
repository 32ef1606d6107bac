import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RequestLogSearchModule } from '../request-logs/request-log-search.module';
import { StaffModule } from '../staff/staff.module';
import { AdminApiKeysController } from './api-keys.controller';
import { AdminApplicationsController } from './applications.controller';
import { AdminAuditLogController } from './audit-log.controller';
import { AdminAuthController } from './auth.controller';
import { AdminOrganizationsController } from './organizations.controller';
import { AdminPoliciesController } from './policies.controller';
import { AdminRequestLogsController } from './request-logs.controller';
import { AdminStaffController } from './staff.controller';

/** The staff API, `/admin/*`, in react-admin's simple-REST shape; roles per permissions.ts. */
@Module({
  imports: [
    StaffModule,
    AuditModule,
    OrganizationsModule,
    ApplicationsModule,
    ApiKeysModule,
    RequestLogSearchModule,
  ],
  controllers: [
    AdminAuthController,
    AdminApplicationsController,
    AdminApiKeysController,
    AdminOrganizationsController,
    AdminPoliciesController,
    AdminStaffController,
    AdminAuditLogController,
    AdminRequestLogsController,
  ],
})
export class AdminModule {}
