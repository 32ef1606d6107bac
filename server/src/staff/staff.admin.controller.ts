import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import {
  createStaffSchema,
  STAFF_LIST,
  StaffResponse,
  toStaffResponse,
  updateStaffSchema,
} from './staff.dto';
import { staffActor } from './staff-principal';

import { StaffService } from './staff.service';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';

@StaffApi()
@RequirePermission(Permission.StaffManage)
@Controller('admin/staff')
export class AdminStaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffResponse[]> {
    const query = parseListQuery(raw, STAFF_LIST);
    const page = await this.staff.list(query);
    setContentRange(reply, STAFF_LIST.resource, query, page);
    return page.rows.map((row) => toStaffResponse(row));
  }

  @Get(':id')
  async show(@Param('id', ResourceIdPipe) id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.get(id));
  }

  @Post()
  async create(@CurrentStaff() actor: StaffPrincipal, @Body() body: unknown): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.create(staffActor(actor), parseBody(createStaffSchema, body)));
  }

  @Put(':id')
  async update(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.update(actor, id, parseBody(updateStaffSchema, body)));
  }

  @Delete(':id')
  async remove(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.remove(actor, id));
  }
}
