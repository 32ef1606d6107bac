import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { REQUEST_LOG_LIST, RequestLogResponse, toRequestLogResponse } from './request-log-search.dto';

import { RequestLogSearchService } from './request-log-search.service';
import { Permission } from '../contracts';
import { RequirePermission, StaffApi } from '../common/staff-access';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';

@StaffApi()
@RequirePermission(Permission.RequestLogsRead)
@Controller('admin/request-logs')
export class AdminRequestLogsController {
  constructor(private readonly requestLogs: RequestLogSearchService) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RequestLogResponse[]> {
    const query = parseListQuery(raw, REQUEST_LOG_LIST);
    const page = await this.requestLogs.list(query);
    setContentRange(reply, REQUEST_LOG_LIST.resource, query, page);
    return page.rows.map(toRequestLogResponse);
  }

  @Get(':id')
  async show(@Param('id') id: string): Promise<RequestLogResponse> {
    return toRequestLogResponse(await this.requestLogs.get(id));
  }
}
