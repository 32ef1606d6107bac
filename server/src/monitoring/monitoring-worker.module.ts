import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { EndUsersModule } from '../end-users/end-users.module';
import { QueueName } from '../common/queues';
import { AlertsRepository } from './alerts.repository';
import { AnomalyDetectionProcessor } from './anomaly-detection.processor';
import { AnomalyDetectorService } from './anomaly-detector.service';
import { MetricsService } from './metrics.service';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Monitoring }), ApiKeysModule, EndUsersModule],
  providers: [AlertsRepository, AnomalyDetectorService, AnomalyDetectionProcessor, MetricsService],
})
export class MonitoringWorkerModule {}
