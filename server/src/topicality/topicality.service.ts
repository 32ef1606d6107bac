import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { ListPage, ListQuery } from '../common/list-query';
import { ReviewState, Topics, TopicProposalStatus } from '../contracts';
import { RULE_THRESHOLD } from '../moderation/moderation.service';
import { ApplicationStatus } from '../applications/application.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { PoliciesService } from '../policies/policies.service';
import { buildTopicModel, scoreTopicality, TopicModel } from './topic-model';
import { TopicModelsService, topicsOf } from './topic-models.service';
import { SandboxCall, TopicProposalsRepository } from './topic-proposals.repository';
import {
  PortalTopicsResponse,
  TopicalityPreviewItem,
  TopicalityPreviewResponse,
  TopicProposalFilterField,
  TopicProposalRow,
  TopicProposalSortField,
  toTopicalityPreviewResponse,
  toTopicProposalResponse,
} from './topicality.dto';
import { TopicalityError } from './topicality.errors';

/** Sandbox calls a preview reads, newest first. */
export const PREVIEW_WINDOW = 500;
const PREVIEW_TEXT_CHARS = 300;
const DEVELOPER_ROLES = new Set(['system', 'developer']);

/** Who acts on topics: the audit actor and the id and address stored on the proposal. */
export interface TopicActor {
  actor: Actor;
  id: string;
  email: string;
}

/**
 * Topicality limits around the topic models: developers' topic proposals and their review (approve → the
 * questionnaire's topics replaced and the model rebuilt in one transaction; reject → nothing changes), and the
 * reviewers' preview of how the check judges an application's own sandbox traffic.
 */
@Injectable()
export class TopicalityService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly organizations: OrganizationsService,
    private readonly policies: PoliciesService,
    private readonly topicModels: TopicModelsService,
    private readonly proposals: TopicProposalsRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async portalTopics(organizationId: string, applicationId: string): Promise<PortalTopicsResponse> {
    const application = await this.applications.getOwn(organizationId, applicationId);
    const stored = await this.topicModels.stored(application.id);
    return {
      applicationId: application.id,
      topics: stored?.topics ?? topicsOf(application.questionnaire),
      modelBuiltAt: stored?.builtAt.toISOString() ?? null,
      proposals: (await this.proposals.forApplication(application.id)).map(toTopicProposalResponse),
    };
  }

  async propose(
    developer: TopicActor,
    organizationId: string,
    applicationId: string,
    topics: Topics,
  ): Promise<TopicProposalRow> {
    const application = await this.applications.getOwn(organizationId, applicationId);
    if (
      application.reviewState !== ReviewState.Approved ||
      application.status === ApplicationStatus.Terminated
    ) {
      throw TopicalityError.notApproved();
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.proposals.insertPending(manager, application.id, topics, developer);
      if (!inserted) throw TopicalityError.pending();
      await this.audit.record(manager, {
        actor: developer.actor,
        action: AuditAction.TopicsProposed,
        entityType: AuditEntityType.TopicProposal,
        entityId: inserted,
        after: { applicationId: application.id, topics },
      });
      return inserted;
    });
    return (await this.proposals.find(id))!;
  }

  listProposals(
    query: ListQuery<TopicProposalSortField, TopicProposalFilterField>,
  ): Promise<ListPage<TopicProposalRow>> {
    return this.proposals.list(query);
  }

  async getProposal(id: string): Promise<TopicProposalRow> {
    const found = await this.proposals.find(id);
    if (!found) throw TopicalityError.proposalNotFound(id);
    return found;
  }

  /** Approve: the proposal's topics become the application's and its model is rebuilt, all in one transaction. */
  async decideProposal(
    staff: TopicActor,
    id: string,
    status: typeof TopicProposalStatus.Approved | typeof TopicProposalStatus.Rejected,
    note: string | null,
  ): Promise<TopicProposalRow> {
    const applicationId = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.find(id, manager, true);
      if (!proposal) throw TopicalityError.proposalNotFound(id);
      if (proposal.status !== TopicProposalStatus.Pending) throw TopicalityError.decided(proposal.status);
      // A developer's request, decided by staff outside its organization (self-review, as for the application).
      const application = await this.applications.findById(proposal.applicationId);
      if (application) await this.organizations.assertOutsider(application.organizationId, staff.email);
      await this.proposals.decide(manager, id, status, staff, note);
      if (status === TopicProposalStatus.Approved) {
        await this.proposals.writeQuestionnaireTopics(manager, proposal.applicationId, proposal.topics);
        await this.topicModels.rebuild(manager, proposal.applicationId, proposal.topics);
      }
      await this.audit.record(manager, {
        actor: staff.actor,
        action:
          status === TopicProposalStatus.Approved ? AuditAction.TopicsApproved : AuditAction.TopicsRejected,
        entityType: AuditEntityType.TopicProposal,
        entityId: id,
        before: { applicationId: proposal.applicationId, topics: proposal.currentTopics },
        after: {
          applicationId: proposal.applicationId,
          topics: status === TopicProposalStatus.Approved ? proposal.topics : proposal.currentTopics,
          note,
        },
      });
      return proposal.applicationId;
    });
    if (status === TopicProposalStatus.Approved) await this.topicModels.published(applicationId);
    return (await this.proposals.find(id))!;
  }

  /**
   * How the check would judge the application's own sandbox calls: against its stored model (what the check uses
   * now), a pending proposal's topics when one is named, or else the questionnaire's (what approval would build),
   * at the threshold and action of the application's policy.
   */
  async preview(applicationId: string, proposalId?: string): Promise<TopicalityPreviewResponse> {
    const application = await this.applications.get(applicationId);
    const { source, topics, model } = await this.previewModel(application, proposalId);
    const policy = await this.policies.resolve({ id: application.id, status: application.status });
    const exemptSystem = policy.exemptSystemPrompt;
    const rule = policy.categories['off-topic'].input;
    const threshold = rule.threshold ?? RULE_THRESHOLD;
    const calls = await this.proposals.sandboxCalls(application.id, PREVIEW_WINDOW);
    return toTopicalityPreviewResponse({
      applicationId: application.id,
      source,
      topics,
      threshold,
      action: rule.action,
      requests: calls.length,
      items: model ? calls.flatMap((call) => judgeCall(model, call, threshold, exemptSystem)) : [],
    });
  }

  private async previewModel(
    application: Pick<ApplicationEntity, 'id' | 'questionnaire'>,
    proposalId: string | undefined,
  ): Promise<{
    source: TopicalityPreviewResponse['source'];
    topics: Topics | null;
    model: TopicModel | null;
  }> {
    if (proposalId) {
      const proposal = await this.proposals.find(proposalId);
      if (!proposal || proposal.applicationId !== application.id) {
        throw TopicalityError.proposalNotFound(proposalId);
      }
      return { source: 'proposal', topics: proposal.topics, model: buildTopicModel(proposal.topics) };
    }
    const stored = await this.topicModels.stored(application.id);
    if (stored) return { source: 'model', topics: stored.topics, model: stored.model };
    const topics = topicsOf(application.questionnaire);
    return { source: 'questionnaire', topics, model: topics ? buildTopicModel(topics) : null };
  }
}

/** The call's worst-scoring text, as the check would see it; nothing when no text has a content word. */
function judgeCall(
  model: TopicModel,
  call: SandboxCall,
  threshold: number,
  exemptSystem: boolean,
): TopicalityPreviewItem[] {
  let worst: TopicalityPreviewItem | null = null;
  for (const text of promptTexts(call.prompt, exemptSystem)) {
    const judged = scoreTopicality(model, text);
    if (!judged || (worst && worst.score >= judged.score)) continue;
    worst = {
      requestId: call.requestId,
      createdAt: new Date(call.createdAt).toISOString(),
      endpoint: call.endpoint,
      text: text.slice(0, PREVIEW_TEXT_CHARS),
      ...judged,
      offTopic: judged.score >= threshold,
    };
  }
  return worst ? [worst] : [];
}

/** The texts a logged call sent: a prompt, prompts, or a chat's messages (as input moderation would see them). */
function promptTexts(prompt: unknown, exemptSystem: boolean): string[] {
  const items = Array.isArray(prompt) ? prompt : [prompt];
  return items.flatMap((item): string[] => {
    if (typeof item === 'string') return [item];
    if (typeof item !== 'object' || item === null) return [];
    const { role, content } = item as { role?: unknown; content?: unknown };
    if (typeof content !== 'string') return [];
    return exemptSystem && typeof role === 'string' && DEVELOPER_ROLES.has(role) ? [] : [content];
  });
}
