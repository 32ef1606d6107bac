import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { EndUsersModule } from '../end-users/end-users.module';
import { PoliciesModule } from '../policies/policies.module';
import { RequestLogMaintenanceProcessor } from './request-log-maintenance.processor';
import { RequestLogConsumer } from './request-log.consumer';
import { RequestLogWriter } from './request-log.writer';
import { RequestLogsProcessor } from './request-logs.processor';
import { RequestLogsRepository } from './request-logs.repository';

@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.RequestLogs }, { name: QueueName.Maintenance }),
    PoliciesModule,
    EndUsersModule,
  ],
  providers: [
    RequestLogsRepository,
    RequestLogWriter,
    RequestLogConsumer,
    RequestLogsProcessor,
    RequestLogMaintenanceProcessor,
  ],
})
export class RequestLogsWorkerModule {}
