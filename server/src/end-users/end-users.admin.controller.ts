import { EndUserErrorCode } from './end-users.errors';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { NotFoundError } from '../common/errors';
import { Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { EndUserAdminRow, EndUsersAdminService } from './end-users.admin.service';
import { END_USER_LIST } from './end-users.dto';

const unblockSchema = z.object({ reason: z.string().trim().min(1, 'a reason is required') }).strict();

/** End users are addressed as `<applicationId>:<end user>`, the id react-admin carries for them. */
@StaffApi()
@Controller('admin/end-users')
export class AdminEndUsersController {
  constructor(private readonly endUsers: EndUsersAdminService) {}

  @Get()
  @RequirePermission(Permission.EndUsersRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EndUserAdminRow[]> {
    const query = parseListQuery(raw, END_USER_LIST);
    const page = await this.endUsers.list(query);
    setContentRange(reply, END_USER_LIST.resource, query, page);
    return page.rows;
  }

  @Get(':id')
  @RequirePermission(Permission.EndUsersRead)
  async show(@Param('id') id: string): Promise<EndUserAdminRow> {
    const row = await this.endUsers.get(id);
    if (!row) throw new NotFoundError(EndUserErrorCode.EndUserNotFound, `No end user ${id}.`, 'id');
    return row;
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @RequirePermission(Permission.EndUsersManage)
  unblock(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<EndUserAdminRow> {
    return this.endUsers.unblock(staffActor(staff), id, parseBody(unblockSchema, body).reason);
  }
}
