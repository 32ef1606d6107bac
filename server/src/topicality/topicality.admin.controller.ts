import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { parseListQuery } from '../common/list-query';
import { setContentRange } from '../common/list-response';
import { parseBody } from '../common/request-body';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { CurrentStaff, RequirePermission, StaffApi, StaffPrincipal } from '../common/staff-access';
import { Permission, topicProposalDecisionSchema, TopicProposalStatus } from '../contracts';
import { staffActor } from '../staff/staff-principal';
import {
  TOPIC_PROPOSAL_LIST,
  TopicalityPreviewResponse,
  TopicProposalResponse,
  toTopicProposalResponse,
} from './topicality.dto';
import { TopicalityService } from './topicality.service';

/** Staff: the topicality preview of an application's sandbox traffic, and the review of topic proposals. */
@StaffApi()
@Controller('admin')
export class AdminTopicalityController {
  constructor(private readonly topicality: TopicalityService) {}

  @Get('applications/:id/topicality-preview')
  @RequirePermission(Permission.ApplicationsRead)
  preview(
    @Param('id', ResourceIdPipe) id: string,
    @Query('proposalId') proposalId?: string,
  ): Promise<TopicalityPreviewResponse> {
    return this.topicality.preview(id, proposalId ? new ResourceIdPipe().transform(proposalId) : undefined);
  }

  @Get('topic-proposals')
  @RequirePermission(Permission.ApplicationsRead)
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TopicProposalResponse[]> {
    const query = parseListQuery(raw, TOPIC_PROPOSAL_LIST);
    const page = await this.topicality.listProposals(query);
    setContentRange(reply, TOPIC_PROPOSAL_LIST.resource, query, page);
    return page.rows.map(toTopicProposalResponse);
  }

  @Get('topic-proposals/:id')
  @RequirePermission(Permission.ApplicationsRead)
  async show(@Param('id', ResourceIdPipe) id: string): Promise<TopicProposalResponse> {
    return toTopicProposalResponse(await this.topicality.getProposal(id));
  }

  @Post('topic-proposals/:id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide)
  approve(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<TopicProposalResponse> {
    return this.decide(staff, id, TopicProposalStatus.Approved, body);
  }

  @Post('topic-proposals/:id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide)
  reject(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ResourceIdPipe) id: string,
    @Body() body: unknown,
  ): Promise<TopicProposalResponse> {
    return this.decide(staff, id, TopicProposalStatus.Rejected, body);
  }

  private async decide(
    staff: StaffPrincipal,
    id: string,
    status: typeof TopicProposalStatus.Approved | typeof TopicProposalStatus.Rejected,
    body: unknown,
  ): Promise<TopicProposalResponse> {
    const { note } = parseBody(topicProposalDecisionSchema, body ?? {});
    const actor = { actor: staffActor(staff), id: staff.id, email: staff.email };
    return toTopicProposalResponse(await this.topicality.decideProposal(actor, id, status, note ?? null));
  }
}
