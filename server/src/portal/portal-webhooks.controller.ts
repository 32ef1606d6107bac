import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from '../applications/applications.service';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import {
  setWebhookEventsSchema,
  setWebhookSchema,
  toWebhookResponse,
  WebhookResponse,
} from '../webhooks/webhooks.dto';
import { WebhooksService } from '../webhooks/webhooks.service';
import { CurrentDeveloper, DeveloperAuthGuard } from './developer-auth.guard';
import { DeveloperPrincipal, developerActor } from './developer-principal';

/** Where a developer's application receives its notifications, and the secret that signs them. */
@ApiTags('portal')
@ApiBearerAuth()
@UseGuards(DeveloperAuthGuard)
@Controller('portal/applications/:id/webhook')
export class PortalWebhooksController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Get()
  async show(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<WebhookResponse> {
    await this.applications.getOwn(developer.organizationId, id);
    return toWebhookResponse(await this.webhooks.settings(id));
  }

  @Put()
  async set(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<WebhookResponse> {
    const { url } = parseBody(setWebhookSchema, body);
    await this.applications.getOwn(developer.organizationId, id);
    return toWebhookResponse(await this.webhooks.configure(developerActor(developer), id, url));
  }

  /** Which events are sent; the URL and the signing secret stay. */
  @Put('events')
  async chooseEvents(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<WebhookResponse> {
    const { events } = parseBody(setWebhookEventsSchema, body);
    await this.applications.getOwn(developer.organizationId, id);
    return toWebhookResponse(await this.webhooks.chooseEvents(developerActor(developer), id, events));
  }

  @Post('rotate-secret')
  @HttpCode(200)
  async rotateSecret(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<WebhookResponse> {
    await this.applications.getOwn(developer.organizationId, id);
    return toWebhookResponse(await this.webhooks.rotateSecret(developerActor(developer), id));
  }
}
