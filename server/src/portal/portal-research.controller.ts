import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyResponse, toApiKeyResponse, toIssuedApiKeyResponse } from '../api-keys/api-keys.dto';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { renewalRequestSchema, researchApplySchema, researchKeySchema } from '../contracts';
import { ResearchGrantResponse, toResearchGrantResponse } from '../research-grants/research-grants.dto';
import { ResearchGrantsService } from '../research-grants/research-grants.service';
import { CurrentDeveloper, DeveloperAuthGuard } from './developer-auth.guard';
import { DeveloperPrincipal, developerActor } from './developer-principal';
import { PortalKeysService } from './portal-keys.service';

/**
 * The academic access program for researchers: apply, follow the grant, request a renewal, issue time-boxed keys.
 * A grant's id is its research application's, so `/portal/applications/:id` shows the review feedback too.
 */
@ApiTags('portal')
@ApiBearerAuth()
@UseGuards(DeveloperAuthGuard)
@Controller('portal/research')
export class PortalResearchController {
  constructor(
    private readonly grants: ResearchGrantsService,
    private readonly keys: PortalKeysService,
  ) {}

  @Post('applications')
  async apply(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Body() body: unknown,
  ): Promise<ResearchGrantResponse> {
    const row = await this.grants.apply(
      developerActor(developer),
      developer.organizationId,
      parseBody(researchApplySchema, body),
    );
    return toResearchGrantResponse(row, new Date());
  }

  @Get('grants')
  async list(@CurrentDeveloper() developer: DeveloperPrincipal): Promise<ResearchGrantResponse[]> {
    const now = new Date();
    return (await this.grants.listOwn(developer.organizationId)).map((row) =>
      toResearchGrantResponse(row, now),
    );
  }

  @Get('grants/:id')
  async show(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<ResearchGrantResponse> {
    const detail = await this.grants.get(id, developer.organizationId);
    return toResearchGrantResponse(detail.row, new Date(), detail);
  }

  @Post('grants/:id/renewal')
  @HttpCode(200)
  async requestRenewal(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ResearchGrantResponse> {
    const detail = await this.grants.requestRenewal(
      developerActor(developer),
      developer.organizationId,
      id,
      parseBody(renewalRequestSchema, body),
    );
    return toResearchGrantResponse(detail.row, new Date(), detail);
  }

  @Get('grants/:id/keys')
  async listKeys(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<ApiKeyResponse[]> {
    return (await this.keys.list(developer, id)).map((row) => toApiKeyResponse(row));
  }

  /** Time-boxed: the expiry is required and no later than the grant's end (the key domain enforces both). */
  @Post('grants/:id/keys')
  async createKey(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<ApiKeyResponse> {
    await this.grants.get(id, developer.organizationId);
    return toIssuedApiKeyResponse(await this.keys.create(developer, id, parseBody(researchKeySchema, body)));
  }
}
