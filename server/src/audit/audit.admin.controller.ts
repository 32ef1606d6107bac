import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { AUDIT_LIST, AuditEventResponse, ChainStatusResponse, toAuditEventResponse } from './audit.dto';

import { AuditService } from './audit.service';
import { Permission } from '../contracts';
import { RequirePermission, StaffApi } from '../common/staff-access';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { ResourceIdPipe } from '../common/resource-id.pipe';

@StaffApi()
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
