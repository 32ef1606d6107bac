import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { RequestLogProducer } from './request-log.producer';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.RequestLogs })],
  providers: [RequestLogProducer],
  exports: [RequestLogProducer],
})
export class RequestLogsModule {}
