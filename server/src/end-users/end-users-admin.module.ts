import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { AdminEndUsersController } from './end-users.admin.controller';
import { EndUsersAdminService } from './end-users.admin.service';
import { EndUsersModule } from './end-users.module';

@Module({
  imports: [EndUsersModule, StaffModule, AuditModule],
  controllers: [AdminEndUsersController],
  providers: [EndUsersAdminService],
})
export class EndUsersAdminModule {}
