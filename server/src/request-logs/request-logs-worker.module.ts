import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { RequestLogsProcessor } from './request-logs.processor';
import { RequestLogsRepository } from './request-logs.repository';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.RequestLogs })],
  providers: [RequestLogsRepository, RequestLogsProcessor],
})
export class RequestLogsWorkerModule {}
