import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { HeldCompletionAdminRow, HeldCompletionsService, HeldDecision } from './held-completions.service';
import { HELD_COMPLETION_LIST } from './held-completions.dto';

const decisionSchema = z
  .object({ decision: z.enum(HeldDecision), reason: z.string().trim().min(1, 'a reason is required') })
  .strict();

@StaffApi()
@Controller('admin/held-completions')
export class AdminHeldCompletionsController {
  constructor(private readonly held: HeldCompletionsService) {}

  @Get()
  @RequirePermission(Permission.HeldCompletionsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HeldCompletionAdminRow[]> {
    const query = parseListQuery(raw, HELD_COMPLETION_LIST);
    const page = await this.held.list(query);
    setContentRange(reply, HELD_COMPLETION_LIST.resource, query, page);
    return page.rows;
  }

  @Get(':id')
  @RequirePermission(Permission.HeldCompletionsRead)
  show(@Param('id') id: string): Promise<HeldCompletionAdminRow> {
    return this.held.get(id);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @RequirePermission(Permission.HeldCompletionsDecide)
  decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<HeldCompletionAdminRow> {
    const { decision, reason } = parseBody(decisionSchema, body);
    return this.held.decide(staffActor(staff), id, decision, reason);
  }
}
