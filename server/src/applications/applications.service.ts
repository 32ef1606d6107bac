import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListPage, ListQuery } from '../common/list-query';
import { APPLICATION_KEYS, ApplicationKeys, IssuedApplicationKey } from './application-keys';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { ApplicationDecisionEntity } from './application-decision.entity';
import { ApplicationEntity, ApplicationStatus } from './application.entity';
import { ApplicationReviewError, ApplicationsError } from './applications.errors';
import { ApplicationRow, ApplicationsRepository } from './applications.repository';
import { Questionnaire } from '../contracts';
import { OrganizationsService } from '../organizations/organizations.service';
import { isEditableByDeveloper, submit } from './review-workflow';
import { ApiKeyKind, ApplicationKind, ReviewState } from '../contracts';
import { assessRisk } from './risk-tier';

export interface ApplicationDraft {
  name: string;
  questionnaire: Questionnaire;
}

export interface Applied {
  application: ApplicationEntity;
  sandboxKey: IssuedApplicationKey;
}

export function applicationAuditView(application: ApplicationEntity): Record<string, unknown> {
  return {
    organizationId: application.organizationId,
    name: application.name,
    status: application.status,
    reviewState: application.reviewState,
    riskTier: application.riskTier,
    reReviewAt: application.reReviewAt,
  };
}

/**
 * Applications as developers make them and operators bootstrap them. Portal methods take the caller's
 * organization and answer 404 for anything outside it. Staff decisions live in ReviewService.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repository: ApplicationsRepository,
    @Inject(APPLICATION_KEYS) private readonly apiKeys: ApplicationKeys,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** For operators and first-run; an application made live this way counts as approved. */
  async create(
    actor: Actor,
    organizationId: string,
    name: string,
    status: ApplicationStatus = ApplicationStatus.Sandbox,
    manager?: EntityManager,
  ): Promise<ApplicationEntity> {
    if (!manager) {
      return this.dataSource.transaction((own) => this.create(actor, organizationId, name, status, own));
    }
    const trimmed = name.trim();
    if (!trimmed) {
      throw new Error('an application needs a name');
    }
    const reviewState = status === ApplicationStatus.Sandbox ? ReviewState.Draft : ReviewState.Approved;
    const application = await this.repository.create(
      { organizationId, name: trimmed, status, reviewState },
      manager,
    );
    await this.audit.record(manager, {
      actor,
      action: AuditAction.ApplicationCreated,
      entityType: AuditEntityType.Application,
      entityId: application.id,
      after: applicationAuditView(application),
    });
    return application;
  }

  async findOrCreate(
    actor: Actor,
    organizationId: string,
    name: string,
    status: ApplicationStatus,
    manager: EntityManager,
  ): Promise<ApplicationEntity> {
    return (
      (await this.repository.findInOrganization(organizationId, name, manager)) ??
      this.create(actor, organizationId, name, status, manager)
    );
  }

  /** A developer's new application: a draft with its questionnaire and risk tier, and a sandbox key to build with. */
  apply(actor: Actor, organizationId: string, draft: ApplicationDraft): Promise<Applied> {
    const risk = assessRisk(draft.questionnaire);
    return this.dataSource.transaction(async (manager) => {
      const application = await this.repository.create(
        {
          organizationId,
          name: draft.name,
          status: ApplicationStatus.Sandbox,
          reviewState: ReviewState.Draft,
          questionnaire: draft.questionnaire,
          riskTier: risk.tier,
          riskReasons: risk.reasons,
          createdBy: actor.id,
        },
        manager,
      );
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ApplicationCreated,
        entityType: AuditEntityType.Application,
        entityId: application.id,
        after: { ...applicationAuditView(application), questionnaire: draft.questionnaire },
      });
      const sandboxKey = await this.apiKeys.issue(manager, actor, {
        applicationId: application.id,
        name: 'sandbox',
        kind: ApiKeyKind.Sandbox,
      });
      return { application, sandboxKey };
    });
  }

  /**
   * A researcher's application to the academic access program: submitted at once (the research questionnaire is
   * the grant's, written by the caller in the same transaction), no sandbox key (research keys are time-boxed and
   * issued under an approved grant).
   */
  async openResearch(
    manager: EntityManager,
    actor: Actor,
    organizationId: string,
    name: string,
  ): Promise<ApplicationEntity> {
    const application = await this.repository.create(
      {
        organizationId,
        name: name.trim(),
        status: ApplicationStatus.Sandbox,
        reviewState: ReviewState.Submitted,
        submittedAt: new Date(),
        kind: ApplicationKind.Research,
        createdBy: actor.id,
      },
      manager,
    );
    await this.audit.record(manager, {
      actor,
      action: AuditAction.ApplicationCreated,
      entityType: AuditEntityType.Application,
      entityId: application.id,
      after: { ...applicationAuditView(application), kind: application.kind },
    });
    return application;
  }

  /** The date every key of the application must expire by (a research grant's end); the key domain enforces it. */
  async setKeysExpireBy(manager: EntityManager, id: string, keysExpireBy: Date | null): Promise<void> {
    await this.repository.update(manager, id, { keysExpireBy });
  }

  /** Locks the application row inside the caller's transaction (grant terms change one at a time with decisions). */
  lockForUpdate(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return this.repository.lock(manager, id);
  }

  /**
   * Staff reviewed the application after acting on its keys: its developers may mint keys again. Like reinstating
   * it, not by a staff member who is one of its developers (self-review).
   */
  async liftEnforcement(actor: Actor, id: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.repository.lock(manager, id);
      if (!application) {
        throw ApplicationReviewError.notFound(id);
      }
      if (actor.email !== null) {
        await this.organizations.assertOutsider(application.organizationId, actor.email);
      }
      if (!application.enforcedAt) {
        return;
      }
      await this.repository.liftEnforcement(manager, id);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ApplicationEnforcementLifted,
        entityType: AuditEntityType.Application,
        entityId: id,
        before: { enforcementCategory: application.enforcementCategory, enforcedAt: application.enforcedAt },
        after: { reason },
      });
    });
    await this.apiKeys.invalidateApplication(id);
  }

  async getOwn(organizationId: string, id: string): Promise<ApplicationEntity> {
    const application = await this.repository.findById(id);
    if (!application || application.organizationId !== organizationId) {
      throw ApplicationReviewError.notFound(id);
    }
    return application;
  }

  /** Name and questionnaire change only while the developer holds the pen (draft, changes requested). */
  updateOwn(
    actor: Actor,
    organizationId: string,
    id: string,
    change: Partial<ApplicationDraft>,
  ): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOwn(manager, organizationId, id);
      if (!isEditableByDeveloper(before)) {
        throw ApplicationReviewError.notEditable(before.reviewState, before.status);
      }
      const risk = change.questionnaire ? assessRisk(change.questionnaire) : undefined;
      const updated = await this.repository.update(manager, id, {
        ...(change.name ? { name: change.name } : {}),
        ...(change.questionnaire && risk
          ? { questionnaire: change.questionnaire, riskTier: risk.tier, riskReasons: risk.reasons }
          : {}),
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ApplicationUpdated,
        entityType: AuditEntityType.Application,
        entityId: id,
        before: { ...applicationAuditView(before), questionnaire: before.questionnaire },
        after: { ...applicationAuditView(updated), questionnaire: updated.questionnaire },
      });
      return updated;
    });
  }

  submitOwn(actor: Actor, organizationId: string, id: string): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockOwn(manager, organizationId, id);
      const next = submit(before);
      if (!next) {
        throw ApplicationReviewError.invalidTransition('submit', before.reviewState, before.status);
      }
      const updated = await this.repository.update(manager, id, {
        reviewState: next.reviewState,
        submittedAt: new Date(),
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ApplicationSubmitted,
        entityType: AuditEntityType.Application,
        entityId: id,
        before: applicationAuditView(before),
        after: applicationAuditView(updated),
      });
      return updated;
    });
  }

  findById(id: string): Promise<ApplicationEntity | null> {
    return this.repository.findById(id);
  }

  listForOrganization(organizationId: string): Promise<ApplicationEntity[]> {
    return this.repository.listForOrganization(organizationId);
  }

  list(query: ListQuery): Promise<ListPage<ApplicationRow>> {
    return this.repository.list(query);
  }

  async get(id: string): Promise<ApplicationRow> {
    const row = await this.repository.findRow(id);
    if (!row) {
      throw ApplicationReviewError.notFound(id);
    }
    return row;
  }

  /** For the developer: their application and the decisions on it (the reviewer's feedback). */
  async getOwnWithDecisions(
    organizationId: string,
    id: string,
  ): Promise<{ application: ApplicationEntity; decisions: ApplicationDecisionEntity[] }> {
    const application = await this.getOwn(organizationId, id);
    return { application, decisions: await this.repository.decisionsFor(id) };
  }

  /** For staff: the application with its organization's name and its whole review history. */
  async getWithDecisions(
    id: string,
  ): Promise<{ row: ApplicationRow; decisions: ApplicationDecisionEntity[] }> {
    const row = await this.get(id);
    return { row, decisions: await this.repository.decisionsFor(id) };
  }

  /** Only sandbox and live applications are served; suspension and termination cut them off. */
  assertMayCall(application: ApplicationEntity): void {
    if (application.status === ApplicationStatus.Suspended) {
      throw ApplicationsError.suspended(application.name);
    }
    if (application.status === ApplicationStatus.Terminated) {
      throw ApplicationsError.terminated(application.name);
    }
  }

  private async lockOwn(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<ApplicationEntity> {
    const application = await this.repository.lock(manager, id);
    if (!application || application.organizationId !== organizationId) {
      throw ApplicationReviewError.notFound(id);
    }
    return application;
  }
}
