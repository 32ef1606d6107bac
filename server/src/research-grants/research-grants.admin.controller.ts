import { Body, Controller, Get, HttpCode, Param, Put, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { attachBiasRunSchema, grantTermsSchema, Permission, renewalDecisionSchema } from '../contracts';
import { RESEARCH_GRANT_LIST, ResearchGrantResponse, toResearchGrantResponse } from './research-grants.dto';
import { GrantDetail, ResearchGrantsService } from './research-grants.service';

function detailed(detail: GrantDetail): ResearchGrantResponse {
  return toResearchGrantResponse(detail.row, new Date(), detail);
}

/**
 * Research grants for staff. The review decision itself is the application's (`/admin/applications/:id/decisions`,
 * research checklist); the grant's id is its application's.
 */
@StaffApi()
@Controller('admin/research-grants')
export class AdminResearchGrantsController {
  constructor(private readonly grants: ResearchGrantsService) {}

  @Get()
  @RequirePermission(Permission.ApplicationsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResearchGrantResponse[]> {
    const query = parseListQuery(raw, RESEARCH_GRANT_LIST);
    const page = await this.grants.list(query);
    setContentRange(reply, RESEARCH_GRANT_LIST.resource, query, page);
    const now = new Date();
    return page.rows.map((row) => toResearchGrantResponse(row, now));
  }

  @Get(':id')
  @RequirePermission(Permission.ApplicationsRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<ResearchGrantResponse> {
    return detailed(await this.grants.get(id));
  }

  /** Dates (before approval), quotas and the research policy profile; PUT as react-admin's simple-REST sends it. */
  @Put(':id')
  @RequirePermission(Permission.ApplicationsDecide)
  async update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ResearchGrantResponse> {
    return detailed(await this.grants.updateTerms(staff, id, parseBody(grantTermsSchema, body)));
  }

  @Post(':id/renewal')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide)
  async decideRenewal(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ResearchGrantResponse> {
    return detailed(await this.grants.decideRenewal(staff, id, parseBody(renewalDecisionSchema, body)));
  }

  @Post(':id/bias-runs')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide)
  async attachBiasRun(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ResearchGrantResponse> {
    const { biasRunId } = parseBody(attachBiasRunSchema, body);
    return detailed(await this.grants.attachBiasRun(staff, id, biasRunId));
  }
}
