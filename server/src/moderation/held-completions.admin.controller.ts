import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { heldDecisionSchema, Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { HeldCompletionsService } from './held-completions.service';
import {
  HELD_COMPLETION_LIST,
  HeldCompletionStaffResponse,
  toHeldCompletionStaffResponse,
} from './held-completions.dto';

@StaffApi()
@Controller('admin/held-completions')
export class AdminHeldCompletionsController {
  constructor(private readonly held: HeldCompletionsService) {}

  @Get()
  @RequirePermission(Permission.HeldCompletionsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HeldCompletionStaffResponse[]> {
    const query = parseListQuery(raw, HELD_COMPLETION_LIST);
    const page = await this.held.list(query);
    setContentRange(reply, HELD_COMPLETION_LIST.resource, query, page);
    return page.rows.map(toHeldCompletionStaffResponse);
  }

  @Get(':id')
  @RequirePermission(Permission.HeldCompletionsRead)
  async show(@Param('id') id: string): Promise<HeldCompletionStaffResponse> {
    return toHeldCompletionStaffResponse(await this.held.get(id));
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @RequirePermission(Permission.HeldCompletionsDecide)
  async decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<HeldCompletionStaffResponse> {
    const { decision, reason } = parseBody(heldDecisionSchema, body);
    return toHeldCompletionStaffResponse(await this.held.decide(staffActor(staff), id, decision, reason));
  }
}
