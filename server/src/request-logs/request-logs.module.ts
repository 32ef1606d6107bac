import { Module } from '@nestjs/common';
import { RequestLogBacklogCollector } from './request-log-backlog.collector';
import { RequestLogDeadLettersCollector } from './request-log-dead-letters.collector';
import { RequestLogProducer } from './request-log.producer';
import { RequestLogsRepository } from './request-logs.repository';

@Module({
  providers: [
    RequestLogProducer,
    RequestLogsRepository,
    RequestLogDeadLettersCollector,
    RequestLogBacklogCollector,
  ],
  exports: [RequestLogProducer],
})
export class RequestLogsModule {}
