import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { ApplicationStatus } from '../applications/application.entity';
import { AuditService } from '../audit/audit.service';
import { ActorType, AuditAction, AuditEntityType } from '../audit/audit.types';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { FilesService } from '../files/files.service';
import { V1Caller } from '../files/v1-caller';
import { ModelNotFoundError } from '../inference/inference.errors';
import { ModelRegistry } from '../inference/model-registry';
import { CreateJobInput } from './fine-tuning.dto';
import {
  ApplicationNotLiveError,
  FineTuningErrorCode,
  FineTuningJobNotFoundError,
  FineTuningRequestError,
  ModelNotDeletableError,
  QuotaExceededError,
} from './fine-tuning.errors';
import { FineTunedModelsCatalog } from './fine-tuned-models.catalog';
import { FineTuningQueue } from './fine-tuning.queue';
import { FineTuningRepository } from './fine-tuning.repository';
import {
  CheckpointRow,
  EventRow,
  FINISHED_STATUSES,
  JobRow,
  JobStatus,
  ModelReviewStatus,
} from './fine-tuning.types';
import { autoBatchSize, AUTO_EPOCHS, AUTO_LEARNING_RATE_MULTIPLIER } from './trainer/defaults';

/**
 * The public fine-tuning API: create, read and cancel jobs, delete the models they made. Training itself runs in the
 * worker.
 */
@Injectable()
export class FineTuningService {
  constructor(
    private readonly repository: FineTuningRepository,
    private readonly files: FilesService,
    private readonly queue: FineTuningQueue,
    private readonly catalog: FineTunedModelsCatalog,
    private readonly registry: ModelRegistry,
    private readonly audit: AuditService,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async create(caller: V1Caller, input: CreateJobInput): Promise<JobRow> {
    if (caller.application.status !== ApplicationStatus.Live) {
      throw new ApplicationNotLiveError(caller.application.name);
    }
    this.assertTrainable(input.model);
    const training = await this.files.get(caller, input.trainingFile, 'training_file');
    if (input.validationFile) {
      await this.files.get(caller, input.validationFile, 'validation_file');
    }
    const inserted = await this.repository.insertJob(
      {
        organizationId: caller.organizationId,
        applicationId: caller.application.id,
        apiKeyId: caller.keyId,
        model: input.model,
        trainingFile: input.trainingFile,
        validationFile: input.validationFile,
        nEpochs: input.nEpochs === 'auto' ? AUTO_EPOCHS : input.nEpochs,
        batchSize: input.batchSize === 'auto' ? autoBatchSize(training.examples) : input.batchSize,
        learningRateMultiplier:
          input.learningRateMultiplier === 'auto'
            ? AUTO_LEARNING_RATE_MULTIPLIER
            : input.learningRateMultiplier,
        seed: input.seed ?? randomInt(0, 2 ** 31 - 1),
        suffix: input.suffix,
      },
      {
        active: this.config.fineTuning.activeJobsPerOrganization,
        perDay: this.config.fineTuning.jobsPerDayPerOrganization,
      },
    );
    if ('over' in inserted) {
      throw new QuotaExceededError(
        inserted.over === 'active'
          ? `Your organization has ${inserted.count} fine-tuning jobs in progress, the most it may run at once.`
          : `Your organization created ${inserted.count} fine-tuning jobs in the last 24 hours, its daily quota.`,
      );
    }
    const job = inserted.job;
    await this.repository.addEvent(job.id, `Created fine-tuning job: ${job.id}`);
    await this.repository.addEvent(job.id, `Validating training file: ${job.trainingFile}`);
    await this.queue.enqueue(job.id);
    return job;
  }

  async get(caller: V1Caller, id: string): Promise<JobRow> {
    const job = await this.repository.findJob(id, caller.organizationId);
    if (!job) {
      throw new FineTuningJobNotFoundError(id);
    }
    return job;
  }

  list(caller: V1Caller, after: string | null, limit: number): Promise<JobRow[]> {
    return this.repository.listJobs(caller.organizationId, after, limit);
  }

  async events(caller: V1Caller, id: string, after: string | null, limit: number): Promise<EventRow[]> {
    await this.get(caller, id);
    return this.repository.listEvents(id, after, limit);
  }

  async checkpoints(
    caller: V1Caller,
    id: string,
    after: string | null,
    limit: number,
  ): Promise<CheckpointRow[]> {
    await this.get(caller, id);
    return this.repository.listCheckpoints(id, after, limit);
  }

  /**
   * A job that has not started training is cancelled at once; a running one is asked to stop and the worker
   * cancels it within a training step.
   */
  async cancel(caller: V1Caller, id: string): Promise<JobRow> {
    const job = await this.get(caller, id);
    if (FINISHED_STATUSES.includes(job.status)) {
      throw new FineTuningRequestError(
        `Job ${id} has already ${job.status === JobStatus.Cancelled ? 'been cancelled' : job.status}.`,
        'fine_tuning_job_id',
        FineTuningErrorCode.NotCancellable,
      );
    }
    await this.repository.requestCancel(id, caller.organizationId);
    if (
      await this.repository.transition(id, [JobStatus.ValidatingFiles, JobStatus.Queued], JobStatus.Cancelled)
    ) {
      await this.repository.addEvent(id, 'Fine-tuning job cancelled');
    }
    return this.get(caller, id);
  }

  /**
   * `DELETE /v1/models/{model}`: the organization withdraws one of its fine-tuned models (awaiting review or
   * approved) from every instance at once. It is retired for good, as staff retire one; the audit log says who.
   * Another organization's model is answered as unknown, as everywhere on `/v1`; a model the deployment serves but
   * no organization owns (a base model, a checkpoint) is refused.
   */
  async deleteModel(caller: V1Caller, id: string): Promise<void> {
    const model = await this.repository.findModel(id);
    const deletable =
      model !== null &&
      model.organizationId === caller.organizationId &&
      (model.reviewStatus === ModelReviewStatus.PendingReview ||
        model.reviewStatus === ModelReviewStatus.Approved);
    if (!deletable) {
      const served = this.registry.list(caller).some((candidate) => candidate.id === id);
      throw served && model === null ? new ModelNotDeletableError(id) : new ModelNotFoundError(id);
    }
    const deleted = await this.repository.transaction(async (manager) => {
      const from = [ModelReviewStatus.PendingReview, ModelReviewStatus.Approved];
      const note = 'Deleted by its organization (DELETE /v1/models).';
      if (!(await this.repository.reviewModel(manager, id, from, ModelReviewStatus.Retired, null, note))) {
        return false;
      }
      await this.audit.record(manager, {
        actor: { type: ActorType.Developer, id: null, email: null },
        action: AuditAction.FineTunedModelDeleted,
        entityType: AuditEntityType.FineTunedModel,
        entityId: id,
        before: { reviewStatus: model.reviewStatus },
        after: {
          reviewStatus: ModelReviewStatus.Retired,
          apiKeyId: caller.keyId,
          applicationId: caller.application.id,
        },
      });
      return true;
    });
    if (!deleted) throw new ModelNotFoundError(id);
    await this.catalog.announce(id);
  }

  /** Embedded models are trained here; upstream models only when the operator passes fine-tuning through. */
  private assertTrainable(model: string): void {
    if (this.config.models.embedded.includes(model)) {
      return;
    }
    if (this.config.fineTuning.upstream && this.config.upstream?.models[model] !== undefined) {
      return;
    }
    throw new FineTuningRequestError(
      `The model \`${model}\` cannot be fine-tuned here (embedded models: ${this.config.models.embedded.join(', ') || 'none'}).`,
      'model',
      FineTuningErrorCode.UnsupportedModel,
    );
  }
}
