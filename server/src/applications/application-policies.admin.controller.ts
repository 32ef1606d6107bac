import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ApplicationPoliciesService } from './application-policies.service';
import {
  ClassifierThresholdsResponse,
  POLICY_LIST,
  policyChange,
  PolicyResponse,
  toClassifierThresholdsResponse,
  toPolicyResponse,
} from './applications.dto';
import { Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { ResourceIdPipe } from '../common/resource-id.pipe';

@StaffApi()
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

  /** Read-only: the classifier's calibrated thresholds and the default live/sandbox values they become. */
  @Get('classifier-thresholds')
  @RequirePermission(Permission.PoliciesRead)
  classifierThresholds(): ClassifierThresholdsResponse {
    return toClassifierThresholdsResponse(this.policies.classifierDefaults());
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
