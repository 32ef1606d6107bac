import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import {
  ApiKeyResponse,
  createOwnApiKeySchema,
  keyActionSchema,
  toApiKeyResponse,
  toIssuedApiKeyResponse,
} from '../api-keys/api-keys.dto';
import {
  AppliedResponse,
  applySchema,
  PortalApplicationResponse,
  toAppliedResponse,
  toPortalApplicationResponse,
  updateApplicationSchema,
} from '../applications/applications.dto';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationKind } from '../contracts';
import { CurrentDeveloper, DeveloperAuthGuard } from './developer-auth.guard';
import { DeveloperPrincipal, developerActor } from './developer-principal';
import { PortalKeysService } from './portal-keys.service';

/** A developer's own applications and keys; anything of another organization answers 404. */
@ApiTags('portal')
@ApiBearerAuth()
@UseGuards(DeveloperAuthGuard)
@Controller('portal/applications')
export class PortalApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly keys: PortalKeysService,
  ) {}

  /** The organization's products; its studies are followed under `portal/research/grants`. */
  @Get()
  async list(@CurrentDeveloper() developer: DeveloperPrincipal): Promise<PortalApplicationResponse[]> {
    return (await this.applications.listForOrganization(developer.organizationId))
      .filter((application) => application.kind !== ApplicationKind.Research)
      .map((application) => toPortalApplicationResponse(application));
  }

  @Post()
  async apply(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Body() body: unknown,
  ): Promise<AppliedResponse> {
    const { application, sandboxKey } = await this.applications.apply(
      developerActor(developer),
      developer.organizationId,
      parseBody(applySchema, body),
    );
    return toAppliedResponse(application, sandboxKey);
  }

  @Get(':id')
  async show(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<PortalApplicationResponse> {
    const { application, decisions } = await this.applications.getOwnWithDecisions(
      developer.organizationId,
      id,
    );
    return toPortalApplicationResponse(application, decisions);
  }

  @Put(':id')
  async update(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<PortalApplicationResponse> {
    const change = parseBody(updateApplicationSchema, body);
    return toPortalApplicationResponse(
      await this.applications.updateOwn(developerActor(developer), developer.organizationId, id, change),
    );
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<PortalApplicationResponse> {
    return toPortalApplicationResponse(
      await this.applications.submitOwn(developerActor(developer), developer.organizationId, id),
    );
  }

  @Get(':id/keys')
  async listKeys(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<ApiKeyResponse[]> {
    return (await this.keys.list(developer, id)).map((row) => toApiKeyResponse(row));
  }

  @Post(':id/keys')
  async createKey(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    return toIssuedApiKeyResponse(
      await this.keys.create(developer, id, parseBody(createOwnApiKeySchema, body)),
    );
  }

  @Post(':id/keys/:keyId/revoke')
  @HttpCode(200)
  async revokeKey(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Param('keyId', ResourceIdPipe) keyId: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    const { reason } = parseBody(keyActionSchema, body);
    return toApiKeyResponse(await this.keys.revoke(developer, id, keyId, reason ?? null));
  }
}
