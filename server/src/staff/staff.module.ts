import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { StaffAuthGuard } from './staff-auth.guard';
import { AdminStaffController } from './staff.admin.controller';
import { StaffAuthService } from './staff-auth.service';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [AuditModule],
  controllers: [AdminStaffController],
  providers: [
    StaffRepository,
    StaffService,
    SessionsRepository,
    SessionsService,
    StaffAuthService,
    StaffAuthGuard,
  ],
  exports: [StaffService, SessionsService, StaffAuthService, StaffAuthGuard],
})
export class StaffModule {}
