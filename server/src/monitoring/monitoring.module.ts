import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QueueName } from '../common/queues';
import { LabelPrecisionRepository } from '../feedback/label-precision.repository';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { DashboardService } from './dashboard.service';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';
import { AdminMonitoringController } from './monitoring.admin.controller';
import { MonitoringController } from './monitoring.controller';
import { QueueDepthCollector } from './queue-depth.collector';

@Global()
@Module({
  imports: [
    AuditModule,
    BullModule.registerQueue(
      { name: QueueName.RequestLogs },
      { name: QueueName.Webhooks },
      { name: QueueName.Monitoring },
    ),
  ],
  controllers: [MonitoringController, AdminMonitoringController],
  providers: [
    MetricsService,
    HealthService,
    QueueDepthCollector,
    AlertsRepository,
    AlertsService,
    DashboardService,
    LabelPrecisionRepository,
  ],
  exports: [MetricsService],
})
export class MonitoringModule {}
