import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Actor, AuditAction, AuditEntityType } from '../audit/audit.types';
import { ListPage, ListQuery } from '../common/list-query';
import { OrganizationsService } from '../organizations/organizations.service';
import { FineTunedModelsCatalog } from './fine-tuned-models.catalog';
import {
  FineTunedModelNotFoundError,
  FineTuningJobNotFoundError,
  ReviewTransitionError,
} from './fine-tuning.errors';
import { FineTuningQueue } from './fine-tuning.queue';
import { FineTuningRepository } from './fine-tuning.repository';
import { EventRow, FineTunedModelRow, JobRow, ModelReviewStatus, ScreeningStatus } from './fine-tuning.types';

export type ModelDecision = 'approve' | 'reject' | 'retire';
export type ScreeningDecision = 'approve' | 'reject';

/**
 * Model decisions that judge the organization's own work: not taken by staff who are also its developers
 * (self-review). Retiring only withdraws a model, as suspending a key only takes access away, so anyone may.
 */
const CONFLICTED_MODEL_DECISIONS: readonly ModelDecision[] = ['approve', 'reject'];

const MODEL_TRANSITIONS: Record<
  ModelDecision,
  { from: ModelReviewStatus[]; to: ModelReviewStatus; action: AuditAction }
> = {
  approve: {
    from: [ModelReviewStatus.PendingReview],
    to: ModelReviewStatus.Approved,
    action: AuditAction.FineTunedModelApproved,
  },
  reject: {
    from: [ModelReviewStatus.PendingReview],
    to: ModelReviewStatus.Rejected,
    action: AuditAction.FineTunedModelRejected,
  },
  retire: {
    from: [ModelReviewStatus.PendingReview, ModelReviewStatus.Approved],
    to: ModelReviewStatus.Retired,
    action: AuditAction.FineTunedModelRetired,
  },
};

export interface ModelReview {
  model: FineTunedModelRow;
  job: JobRow | null;
}

/** Staff's side of fine-tuning: the queue of flagged files, and the review of every model before production. */
@Injectable()
export class FineTuningReviewService {
  constructor(
    private readonly repository: FineTuningRepository,
    private readonly catalog: FineTunedModelsCatalog,
    private readonly queue: FineTuningQueue,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  listJobs(query: ListQuery): Promise<ListPage<JobRow>> {
    return this.repository.listAllJobs(query);
  }

  async job(id: string): Promise<{ job: JobRow; events: EventRow[] }> {
    const job = await this.repository.findJob(id);
    if (!job) {
      throw new FineTuningJobNotFoundError(id);
    }
    return { job, events: await this.repository.listEvents(id, null, 200) };
  }

  /**
   * Approving lets the job train (the worker picks it up again); rejecting fails it. Either is a review of the
   * organization's training data, so not by one of its developers (self-review).
   */
  async decideScreening(
    actor: Actor,
    id: string,
    decision: ScreeningDecision,
    note: string | null,
  ): Promise<JobRow> {
    const { job } = await this.job(id);
    if (actor.email) await this.organizations.assertOutsider(job.organizationId, actor.email);
    const to = decision === 'approve' ? ScreeningStatus.Approved : ScreeningStatus.Rejected;
    const decided = await this.repository.transaction(async (manager) => {
      if (!(await this.repository.decideScreening(manager, id, to))) {
        return false;
      }
      await this.audit.record(manager, {
        actor,
        action:
          decision === 'approve'
            ? AuditAction.FineTuningScreeningApproved
            : AuditAction.FineTuningScreeningRejected,
        entityType: AuditEntityType.FineTuningJob,
        entityId: id,
        before: { screeningStatus: job.screeningStatus },
        after: {
          screeningStatus: to,
          note,
          flaggedLines: job.screeningReport?.lines.map((line) => line.line),
        },
      });
      return true;
    });
    if (!decided) {
      throw new ReviewTransitionError(`Job ${id} has no training data awaiting review.`);
    }
    await this.repository.addEvent(
      id,
      decision === 'approve'
        ? 'Staff approved the flagged training data; training continues'
        : 'Staff rejected the flagged training data',
      { level: decision === 'approve' ? 'info' : 'error', data: { staff_id: actor.id, note } },
    );
    await this.queue.enqueue(id, `screening-${decision}`);
    return (await this.job(id)).job;
  }

  listModels(query: ListQuery): Promise<ListPage<FineTunedModelRow>> {
    return this.repository.listModels(query);
  }

  async model(id: string): Promise<ModelReview> {
    const model = await this.repository.findModel(id);
    if (!model) {
      throw new FineTunedModelNotFoundError(id);
    }
    return { model, job: await this.repository.findJob(model.jobId) };
  }

  /** Every instance applies the decision at once (Redis), approving or withdrawing the model from traffic. */
  async decideModel(
    actor: Actor,
    id: string,
    decision: ModelDecision,
    note: string | null,
  ): Promise<ModelReview> {
    const { model } = await this.model(id);
    if (CONFLICTED_MODEL_DECISIONS.includes(decision) && actor.email) {
      await this.organizations.assertOutsider(model.organizationId, actor.email);
    }
    const { from, to, action } = MODEL_TRANSITIONS[decision];
    const decided = await this.repository.transaction(async (manager) => {
      if (!(await this.repository.reviewModel(manager, id, from, to, actor.id, note))) {
        return false;
      }
      await this.audit.record(manager, {
        actor,
        action,
        entityType: AuditEntityType.FineTunedModel,
        entityId: id,
        before: { reviewStatus: model.reviewStatus },
        after: { reviewStatus: to, note },
      });
      return true;
    });
    if (!decided) {
      throw new ReviewTransitionError(
        `The model ${id} cannot be ${to.replace('_', ' ')} from its current state.`,
      );
    }
    await this.catalog.announce(id);
    return this.model(id);
  }
}
