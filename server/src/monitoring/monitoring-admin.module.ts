import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { DashboardService } from './dashboard.service';
import { AdminMonitoringController } from './monitoring.admin.controller';

@Module({
  imports: [StaffModule, AuditModule],
  controllers: [AdminMonitoringController],
  providers: [AlertsRepository, AlertsService, DashboardService],
})
export class MonitoringAdminModule {}
