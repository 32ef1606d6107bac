import { Body, Controller, Get, Param, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { ApplicationPoliciesService, POLICY_LIST } from '../applications/application-policies.service';
import { policyChange, PolicyResponse, toPolicyResponse } from '../applications/applications.dto';
import { Permission } from '../staff/permissions';
import { CurrentStaff, RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { StaffPrincipal, staffActor } from '../staff/staff-principal';
import { parseListQuery, setContentRange } from './list-query';
import { ResourceIdPipe } from './resource-id.pipe';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('admin/policies')
export class AdminPoliciesController {
  constructor(private readonly policies: ApplicationPoliciesService) {}

  @Get()
  @RequirePermission(Permission.PoliciesRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyResponse[]> {
    const query = parseListQuery(raw, POLICY_LIST);
    const page = await this.policies.list(query);
    setContentRange(reply, POLICY_LIST.resource, query, page);
    return page.rows.map(toPolicyResponse);
  }

  @Get(':id')
  @RequirePermission(Permission.PoliciesRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<PolicyResponse> {
    return toPolicyResponse(await this.policies.get(id));
  }

  @Put(':id')
  @RequirePermission(Permission.PoliciesWrite)
  async update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<PolicyResponse> {
    return toPolicyResponse(await this.policies.update(staffActor(staff), id, policyChange(body)));
  }
}
