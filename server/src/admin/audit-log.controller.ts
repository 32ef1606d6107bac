import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AuditEventResponse, ChainStatusResponse, toAuditEventResponse } from '../audit/audit.dto';
import { AUDIT_LIST } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { Permission } from '../staff/permissions';
import { RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { parseListQuery, setContentRange } from './list-query';
import { ResourceIdPipe } from './resource-id.pipe';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@RequirePermission(Permission.AuditLogRead)
@Controller('admin/audit-log')
export class AdminAuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditEventResponse[]> {
    const query = parseListQuery(raw, AUDIT_LIST);
    const page = await this.audit.list(query);
    setContentRange(reply, AUDIT_LIST.resource, query, page);
    return page.rows.map(toAuditEventResponse);
  }

  @Get('verify')
  verify(): Promise<ChainStatusResponse> {
    return this.audit.verify();
  }

  @Get(':id')
  async show(@Param('id', ResourceIdPipe) id: string): Promise<AuditEventResponse> {
    return toAuditEventResponse(await this.audit.get(id));
  }
}
