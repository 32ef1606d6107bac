import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ORGANIZATION_LIST, OrganizationResponse, toOrganizationResponse } from './organizations.dto';

import { OrganizationsService } from './organizations.service';
import { Permission } from '../contracts';
import { RequirePermission, StaffApi } from '../common/staff-access';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { ResourceIdPipe } from '../common/resource-id.pipe';

@StaffApi()
@Controller('admin/organizations')
export class AdminOrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @RequirePermission(Permission.OrganizationsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationResponse[]> {
    const query = parseListQuery(raw, ORGANIZATION_LIST);
    const page = await this.organizations.search(query);
    setContentRange(reply, ORGANIZATION_LIST.resource, query, page);
    return page.rows.map(toOrganizationResponse);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganizationsRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.organizations.get(id));
  }
}
