import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import {
  AdminApplicationResponse,
  BulkDecisionResponse,
  bulkDecisionSchema,
  DecisionResultResponse,
  decisionSchema,
  toAdminApplicationResponse,
  toBulkDecisionResponse,
  toDecisionResultResponse,
} from '../applications/applications.dto';
import { APPLICATION_LIST } from '../applications/applications.repository';
import { ApplicationsService } from '../applications/applications.service';
import { ReviewService } from '../applications/review.service';
import { Permission } from '../staff/permissions';
import { CurrentStaff, RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { StaffPrincipal } from '../staff/staff-principal';
import { parseListQuery, setContentRange } from './list-query';
import { parseBody } from './request-body';
import { ResourceIdPipe } from './resource-id.pipe';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('admin/applications')
export class AdminApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly review: ReviewService,
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
    return toBulkDecisionResponse(await this.review.decideMany(staff, ids, input));
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
}
