import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { RequestLogDeadLettersCollector } from './request-log-dead-letters.collector';
import { RequestLogProducer } from './request-log.producer';
import { RequestLogsRepository } from './request-logs.repository';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.RequestLogs })],
  providers: [RequestLogProducer, RequestLogsRepository, RequestLogDeadLettersCollector],
  exports: [RequestLogProducer],
})
export class RequestLogsModule {}
