import { Module } from '@nestjs/common';
import { RequestLogSearchRepository } from './request-log-search.repository';
import { RequestLogSearchService } from './request-log-search.service';

@Module({
  providers: [RequestLogSearchRepository, RequestLogSearchService],
  exports: [RequestLogSearchService],
})
export class RequestLogSearchModule {}
