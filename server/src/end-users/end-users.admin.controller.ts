import { EndUserErrorCode } from './end-users.errors';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { NotFoundError } from '../common/errors';
import { Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { EndUsersAdminService } from './end-users.admin.service';
import { END_USER_LIST, EndUserResponse, toEndUserResponse, endUserDecisionSchema } from './end-users.dto';

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
  ): Promise<EndUserResponse[]> {
    const query = parseListQuery(raw, END_USER_LIST);
    const page = await this.endUsers.list(query);
    setContentRange(reply, END_USER_LIST.resource, query, page);
    return page.rows.map(toEndUserResponse);
  }

  @Get(':id')
  @RequirePermission(Permission.EndUsersRead)
  async show(@Param('id') id: string): Promise<EndUserResponse> {
    const row = await this.endUsers.get(id);
    if (!row) throw new NotFoundError(EndUserErrorCode.EndUserNotFound, `No end user ${id}.`, 'id');
    return toEndUserResponse(row);
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @RequirePermission(Permission.EndUsersManage)
  async unblock(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<EndUserResponse> {
    const reason = parseBody(endUserDecisionSchema, body).reason;
    return toEndUserResponse(await this.endUsers.unblock(staffActor(staff), id, reason));
  }

  @Post(':id/block')
  @HttpCode(200)
  @RequirePermission(Permission.EndUsersManage)
  async block(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<EndUserResponse> {
    const reason = parseBody(endUserDecisionSchema, body).reason;
    return toEndUserResponse(await this.endUsers.block(staffActor(staff), id, reason));
  }
}
