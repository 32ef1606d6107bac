import { Module } from '@nestjs/common';
import { RequestLogDeadLettersCollector } from './request-log-dead-letters.collector';
import { RequestLogProducer } from './request-log.producer';
import { RequestLogsRepository } from './request-logs.repository';

@Module({
  providers: [RequestLogProducer, RequestLogsRepository, RequestLogDeadLettersCollector],
  exports: [RequestLogProducer],
})
export class RequestLogsModule {}
