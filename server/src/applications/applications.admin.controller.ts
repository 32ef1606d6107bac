import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import {
  AdminApplicationResponse,
  APPLICATION_LIST,
  BulkDecisionResponse,
  DecisionResultResponse,
  toAdminApplicationResponse,
  toBulkDecisionResponse,
  toDecisionResultResponse,
} from './applications.dto';

import { ApplicationsService } from './applications.service';
import { ReviewService } from './review.service';
import { bulkDecisionSchema, decisionSchema, liftEnforcementSchema, Permission } from '../contracts';
import { staffActor } from '../staff/staff-principal';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { ErrorCatalog } from '../common/errors';

@StaffApi()
@Controller('admin/applications')
export class AdminApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly review: ReviewService,
    private readonly errors: ErrorCatalog,
  ) {}

  @Get()
  @RequirePermission(Permission.ApplicationsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AdminApplicationResponse[]> {
    const query = parseListQuery(raw, APPLICATION_LIST);
    const page = await this.applications.list(query);
    setContentRange(reply, APPLICATION_LIST.resource, query, page);
    return page.rows.map((row) => toAdminApplicationResponse(row));
  }

  @Get(':id')
  @RequirePermission(Permission.ApplicationsRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<AdminApplicationResponse> {
    const { row, decisions } = await this.applications.getWithDecisions(id);
    return toAdminApplicationResponse(row, decisions);
  }

  @Post('bulk-decisions')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide)
  async bulkDecide(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<BulkDecisionResponse> {
    const { ids, ...input } = parseBody(bulkDecisionSchema, body);
    return toBulkDecisionResponse(await this.review.decideMany(staff, ids, input), this.errors);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide)
  async decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<DecisionResultResponse> {
    return toDecisionResultResponse(await this.review.decide(staff, id, parseBody(decisionSchema, body)));
  }

  @Post(':id/lift-enforcement')
  @HttpCode(204)
  @RequirePermission(Permission.ApiKeysManage)
  async liftEnforcement(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.applications.liftEnforcement(
      staffActor(staff),
      id,
      parseBody(liftEnforcementSchema, body).reason,
    );
  }
}
