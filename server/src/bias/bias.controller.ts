import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import {
  BIAS_RUN_LIST,
  BiasComparisonResponse,
  BiasRunAttachmentResponse,
  BiasRunDetailResponse,
  BiasRunResponse,
  startBiasRunSchema,
  toBiasComparisonResponse,
  toBiasRunAttachmentResponse,
  toBiasRunDetailResponse,
  toBiasRunResponse,
} from './bias.dto';

import { BiasService } from './bias.service';

/** Bias runs for staff, in react-admin's simple-REST shape (`bias-runs`), plus attaching a run to a review. */
@StaffApi()
@Controller('admin')
export class AdminBiasRunsController {
  constructor(private readonly bias: BiasService) {}

  @Get('bias-runs')
  @RequirePermission(Permission.BiasRunsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BiasRunResponse[]> {
    const query = parseListQuery(raw, BIAS_RUN_LIST);
    const page = await this.bias.list(query);
    setContentRange(reply, BIAS_RUN_LIST.resource, query, page);
    return page.rows.map(toBiasRunResponse);
  }

  @Get('bias-runs/:id')
  @RequirePermission(Permission.BiasRunsRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<BiasRunDetailResponse> {
    const [run, attached] = await Promise.all([this.bias.get(id), this.bias.attachedApplicationIds(id)]);
    return toBiasRunDetailResponse(run, attached);
  }

  @Post('bias-runs')
  @RequirePermission(Permission.BiasRunsStart)
  async start(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<BiasRunDetailResponse> {
    return toBiasRunDetailResponse(await this.bias.start(parseBody(startBiasRunSchema, body), staff.id), []);
  }

  @Get('bias-runs/:id/compare/:otherId')
  @RequirePermission(Permission.BiasRunsRead)
  async compare(
    @Param('id', ResourceIdPipe) id: string,
    @Param('otherId', ResourceIdPipe) otherId: string,
  ): Promise<BiasComparisonResponse> {
    const { a, b, comparison } = await this.bias.compare(id, otherId);
    return toBiasComparisonResponse(a, b, comparison);
  }

  @Post('applications/:id/bias-runs/:runId')
  @RequirePermission(Permission.ApplicationsDecide)
  async attach(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) applicationId: string,
    @Param('runId', ResourceIdPipe) runId: string,
  ): Promise<BiasRunAttachmentResponse> {
    return toBiasRunAttachmentResponse(await this.bias.attach(applicationId, runId, staff.id));
  }
}
