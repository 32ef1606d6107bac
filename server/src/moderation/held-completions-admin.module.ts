import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffModule } from '../staff/staff.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AdminHeldCompletionsController } from './held-completions.admin.controller';
import { HeldCompletionsService } from './held-completions.service';

@Module({
  imports: [StaffModule, AuditModule, WebhooksModule, OrganizationsModule],
  controllers: [AdminHeldCompletionsController],
  providers: [HeldCompletionsService],
})
export class HeldCompletionsAdminModule {}
