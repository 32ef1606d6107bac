import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseListQuery, setContentRange } from '../admin/list-query';
import { parseBody } from '../admin/request-body';
import { NotFoundError } from '../common/errors';
import { Permission } from '../staff/permissions';
import { CurrentStaff, RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { StaffPrincipal, staffActor } from '../staff/staff-principal';
import { END_USER_LIST, EndUserAdminRow, EndUsersAdminService } from './end-users.admin.service';

const unblockSchema = z.object({ reason: z.string().trim().min(1, 'a reason is required') }).strict();

/** End users are addressed as `<applicationId>:<end user>`, the id react-admin carries for them. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
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
    if (!row) throw new NotFoundError('end_user_not_found', `No end user ${id}.`, 'id');
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
