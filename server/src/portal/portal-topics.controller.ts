import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { topicsSchema } from '../contracts';
import {
  PortalTopicsResponse,
  TopicProposalResponse,
  toTopicProposalResponse,
} from '../topicality/topicality.dto';
import { TopicalityService } from '../topicality/topicality.service';
import { CurrentDeveloper, DeveloperAuthGuard } from './developer-auth.guard';
import { DeveloperPrincipal, developerActor } from './developer-principal';

/** A developer's view of their application's topics, and their proposals to change them (staff decide). */
@ApiTags('portal')
@ApiBearerAuth()
@UseGuards(DeveloperAuthGuard)
@Controller('portal/applications/:id')
export class PortalTopicsController {
  constructor(private readonly topicality: TopicalityService) {}

  @Get('topics')
  topics(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<PortalTopicsResponse> {
    return this.topicality.portalTopics(developer.organizationId, id);
  }

  @Post('topic-proposals')
  async propose(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<TopicProposalResponse> {
    const actor = { actor: developerActor(developer), id: developer.id, email: developer.email };
    const proposal = await this.topicality.propose(
      actor,
      developer.organizationId,
      id,
      parseBody(topicsSchema, body),
    );
    return toTopicProposalResponse(proposal);
  }
}
