import { Module } from '@nestjs/common';
import { AdminRequestLogsController } from './request-log-search.admin.controller';
import { RequestLogSearchRepository } from './request-log-search.repository';
import { RequestLogSearchService } from './request-log-search.service';

@Module({
  controllers: [AdminRequestLogsController],
  providers: [RequestLogSearchRepository, RequestLogSearchService],
  exports: [RequestLogSearchService],
})
export class RequestLogSearchModule {}
