import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';
import { MonitoringController } from './monitoring.controller';
import { QueueDepthCollector } from './queue-depth.collector';

@Global()
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueName.RequestLogs },
      { name: QueueName.Webhooks },
      { name: QueueName.Monitoring },
    ),
  ],
  controllers: [MonitoringController],
  providers: [MetricsService, HealthService, QueueDepthCollector],
  exports: [MetricsService],
})
export class MonitoringModule {}
