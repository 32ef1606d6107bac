import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RequestLogResponse, toRequestLogResponse } from '../request-logs/request-log-search.dto';
import { REQUEST_LOG_LIST } from '../request-logs/request-log-search.repository';
import { RequestLogSearchService } from '../request-logs/request-log-search.service';
import { Permission } from '../staff/permissions';
import { RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { parseListQuery, setContentRange } from './list-query';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
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
