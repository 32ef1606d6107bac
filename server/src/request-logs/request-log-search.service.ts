import { Injectable } from '@nestjs/common';
import { ListPage, ListQuery } from '../common/list-query';
import { RequestLogNotFoundError } from './request-logs.errors';
import { RequestLogRow, RequestLogSearchRepository } from './request-log-search.repository';

@Injectable()
export class RequestLogSearchService {
  constructor(private readonly repository: RequestLogSearchRepository) {}

  list(query: ListQuery): Promise<ListPage<RequestLogRow>> {
    return this.repository.list(query);
  }

  async get(requestId: string): Promise<RequestLogRow> {
    const row = await this.repository.findById(requestId);
    if (!row) {
      throw new RequestLogNotFoundError(requestId);
    }
    return row;
  }
}
