import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Permission } from '../staff/permissions';
import { CurrentStaff, RequirePermission, StaffAuthGuard } from '../staff/staff-auth.guard';
import { createStaffSchema, StaffResponse, toStaffResponse, updateStaffSchema } from '../staff/staff.dto';
import { StaffPrincipal, staffActor } from '../staff/staff-principal';
import { STAFF_LIST } from '../staff/staff.repository';
import { StaffService } from '../staff/staff.service';
import { parseListQuery, setContentRange } from './list-query';
import { parseBody } from './request-body';
import { ResourceIdPipe } from './resource-id.pipe';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
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
