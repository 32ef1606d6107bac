import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OrganizationResponse, toOrganizationResponse } from '../organizations/organizations.dto';
import { ORGANIZATION_LIST } from '../organizations/organizations.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import { Permission } from '../staff/permissions';
import { RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { parseListQuery, setContentRange } from './list-query';
import { ResourceIdPipe } from './resource-id.pipe';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
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
