import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PoliciesModule } from '../policies/policies.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { EndUserStatusStore } from './end-user-status.store';
import { AdminEndUsersController } from './end-users.admin.controller';
import { EndUsersAdminService } from './end-users.admin.service';
import { EndUsersRepository } from './end-users.repository';
import { EndUsersService } from './end-users.service';

@Module({
  imports: [PoliciesModule, WebhooksModule, AuditModule, OrganizationsModule],
  controllers: [AdminEndUsersController],
  providers: [EndUsersRepository, EndUserStatusStore, EndUsersService, EndUsersAdminService],
  exports: [EndUsersService],
})
export class EndUsersModule {}
