import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { Permission } from '../contracts';
import { staffActor } from '../staff/staff-principal';
import {
  CALIBRATION_LIST,
  CalibrationResponse,
  createCalibrationSchema,
  createProposalSchema,
  PROPOSAL_LIST,
  ProposalResponse,
  ReplayResponse,
  startReplaySchema,
  toCalibrationResponse,
  toProposalResponse,
  toReplayResponse,
} from './calibration.dto';
import { CalibrationService } from './calibration.service';
import { PolicyProposalsService } from './policy-proposals.service';

/** Calibrations from labels (`calibrations`), in react-admin's simple-REST shape. */
@StaffApi()
@Controller('admin/calibrations')
export class AdminCalibrationsController {
  constructor(private readonly calibrations: CalibrationService) {}

  @Get()
  @RequirePermission(Permission.PoliciesRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CalibrationResponse[]> {
    const query = parseListQuery(raw, CALIBRATION_LIST);
    const page = await this.calibrations.list(query);
    setContentRange(reply, CALIBRATION_LIST.resource, query, page);
    return page.rows.map(toCalibrationResponse);
  }

  @Get(':id')
  @RequirePermission(Permission.PoliciesRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<CalibrationResponse> {
    return toCalibrationResponse(await this.calibrations.get(id));
  }

  @Post()
  @RequirePermission(Permission.PoliciesWrite)
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<CalibrationResponse> {
    const input = parseBody(createCalibrationSchema, body);
    return toCalibrationResponse(await this.calibrations.create(staffActor(staff), staff.id, input));
  }
}

/** Policy proposals (`policy-proposals`), their shadow replays, and applying them. */
@StaffApi()
@Controller('admin/policy-proposals')
export class AdminPolicyProposalsController {
  constructor(private readonly proposals: PolicyProposalsService) {}

  @Get()
  @RequirePermission(Permission.PoliciesRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposalResponse[]> {
    const query = parseListQuery(raw, PROPOSAL_LIST);
    const page = await this.proposals.list(query);
    setContentRange(reply, PROPOSAL_LIST.resource, query, page);
    return page.rows.map(({ proposal, latestReplay }) => toProposalResponse(proposal, latestReplay));
  }

  @Get(':id')
  @RequirePermission(Permission.PoliciesRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<ProposalResponse> {
    const { proposal, latestReplay } = await this.proposals.get(id);
    return toProposalResponse(proposal, latestReplay);
  }

  @Post()
  @RequirePermission(Permission.PoliciesWrite)
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<ProposalResponse> {
    const input = parseBody(createProposalSchema, body);
    const { proposal, latestReplay } = await this.proposals.create(staffActor(staff), staff.id, input);
    return toProposalResponse(proposal, latestReplay);
  }

  @Get(':id/replays')
  @RequirePermission(Permission.PoliciesRead)
  async replays(@Param('id', ResourceIdPipe) id: string): Promise<ReplayResponse[]> {
    return (await this.proposals.replays(id)).map(toReplayResponse);
  }

  @Get(':id/replays/:replayId')
  @RequirePermission(Permission.PoliciesRead)
  async replay(
    @Param('id', ResourceIdPipe) id: string,
    @Param('replayId', ResourceIdPipe) replayId: string,
  ): Promise<ReplayResponse> {
    return toReplayResponse(await this.proposals.replay(id, replayId));
  }

  @Post(':id/replays')
  @HttpCode(202)
  @RequirePermission(Permission.PoliciesWrite)
  async startReplay(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ReplayResponse> {
    const window = parseBody(startReplaySchema, body);
    return toReplayResponse(await this.proposals.startReplay(staffActor(staff), staff.id, id, window));
  }

  @Post(':id/apply')
  @HttpCode(200)
  @RequirePermission(Permission.PolicyProposalsApply)
  async apply(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<ProposalResponse> {
    const { proposal, latestReplay } = await this.proposals.apply(staffActor(staff), staff.id, id);
    return toProposalResponse(proposal, latestReplay);
  }
}
