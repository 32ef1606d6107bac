import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import {
  ApiKeyResponse,
  createApiKeySchema,
  keyActionSchema,
  suspendKeySchema,
  terminateKeySchema,
  toApiKeyResponse,
  toIssuedApiKeyResponse,
} from './api-keys.dto';
import { API_KEY_LIST } from './api-keys.dto';
import { ApiKeysService, StatusAction } from './api-keys.service';
import { KeyAction, KeyEnforcementReason, Permission } from '../contracts';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { staffActor } from '../staff/staff-principal';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';

@StaffApi()
@Controller('admin/api-keys')
export class AdminApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @RequirePermission(Permission.ApiKeysRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApiKeyResponse[]> {
    const query = parseListQuery(raw, API_KEY_LIST);
    const page = await this.apiKeys.list(query);
    setContentRange(reply, API_KEY_LIST.resource, query, page);
    return page.rows.map((row) => toApiKeyResponse(row));
  }

  @Get(':id')
  @RequirePermission(Permission.ApiKeysRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<ApiKeyResponse> {
    return toApiKeyResponse(await this.apiKeys.get(id));
  }

  @Post()
  @RequirePermission(Permission.ApiKeysManage)
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<ApiKeyResponse> {
    const { applicationId, ...input } = parseBody(createApiKeySchema, body);
    return toIssuedApiKeyResponse(await this.apiKeys.create(staffActor(staff), applicationId, input));
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @RequirePermission(Permission.ApiKeysManage)
  async rotate(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    const { reason } = parseBody(keyActionSchema, body);
    return toIssuedApiKeyResponse(await this.apiKeys.rotate(staffActor(staff), id, reason ?? null));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission(Permission.ApiKeysManage)
  revoke(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    return this.change(staff, id, KeyAction.Revoke, parseBody(keyActionSchema, body).reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermission(Permission.ApiKeysManage)
  suspend(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    const { reason, category } = parseBody(suspendKeySchema, body);
    return this.change(staff, id, KeyAction.Suspend, reason, category);
  }

  @Post(':id/unsuspend')
  @HttpCode(200)
  @RequirePermission(Permission.ApiKeysManage)
  unsuspend(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    return this.change(staff, id, KeyAction.Unsuspend, parseBody(keyActionSchema, body).reason);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @RequirePermission(Permission.ApiKeysManage)
  terminate(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    const { reason, category } = parseBody(terminateKeySchema, body);
    return this.change(staff, id, KeyAction.Terminate, reason, category);
  }

  private async change(
    staff: StaffPrincipal,
    id: string,
    action: StatusAction,
    reason: string | undefined,
    category?: KeyEnforcementReason,
  ): Promise<ApiKeyResponse> {
    return toApiKeyResponse(
      await this.apiKeys.changeStatus(
        staffActor(staff),
        id,
        action,
        reason ?? null,
        undefined,
        category ?? null,
      ),
    );
  }
}
