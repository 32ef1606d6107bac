import { Injectable } from '@nestjs/common';
import { ListPage, ListQuery } from '../common/list-query';
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

const MODEL_TRANSITIONS: Record<ModelDecision, { from: ModelReviewStatus[]; to: ModelReviewStatus }> = {
  approve: { from: [ModelReviewStatus.PendingReview], to: ModelReviewStatus.Approved },
  reject: { from: [ModelReviewStatus.PendingReview], to: ModelReviewStatus.Rejected },
  retire: {
    from: [ModelReviewStatus.PendingReview, ModelReviewStatus.Approved],
    to: ModelReviewStatus.Retired,
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

  /** Approving lets the job train (the worker picks it up again); rejecting fails it. */
  async decideScreening(
    staffId: string,
    id: string,
    decision: ScreeningDecision,
    note: string | null,
  ): Promise<JobRow> {
    await this.job(id);
    const to = decision === 'approve' ? ScreeningStatus.Approved : ScreeningStatus.Rejected;
    if (!(await this.repository.decideScreening(id, to))) {
      throw new ReviewTransitionError(`Job ${id} has no training data awaiting review.`);
    }
    await this.repository.addEvent(
      id,
      decision === 'approve'
        ? 'Staff approved the flagged training data; training continues'
        : 'Staff rejected the flagged training data',
      { level: decision === 'approve' ? 'info' : 'error', data: { staff_id: staffId, note } },
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
    staffId: string,
    id: string,
    decision: ModelDecision,
    note: string | null,
  ): Promise<ModelReview> {
    await this.model(id);
    const { from, to } = MODEL_TRANSITIONS[decision];
    if (!(await this.repository.reviewModel(id, from, to, staffId, note))) {
      throw new ReviewTransitionError(
        `The model ${id} cannot be ${to.replace('_', ' ')} from its current state.`,
      );
    }
    await this.catalog.announce(id);
    return this.model(id);
  }
}
