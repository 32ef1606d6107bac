import { InvalidRequestError, NotFoundError, WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    fineTuning: FineTuningErrorCode;
  }
}

export enum FineTuningErrorCode {
  JobNotFound = 'fine_tuning_job_not_found',
  ModelNotFound = 'fine_tuned_model_not_found',
  InvalidRequest = 'invalid_fine_tuning_request',
  UnsupportedModel = 'model_not_available_for_fine_tuning',
  ApplicationNotLive = 'application_not_live',
  QuotaExceeded = 'fine_tuning_quota_exceeded',
  NotCancellable = 'job_not_cancellable',
  ModelAwaitingReview = 'model_awaiting_review',
  InvalidTransition = 'invalid_review_transition',
  TrainingFileFlagged = 'training_file_flagged',
  TrainingFileRejected = 'training_file_rejected',
  TrainingFailed = 'training_failed',
  ExampleTooLong = 'example_too_long',
  InvalidTrainingExample = 'invalid_training_example',
  ModelNotDeletable = 'model_not_deletable',
}

export class FineTuningJobNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(FineTuningErrorCode.JobNotFound, `No such fine-tuning job: ${id}`, 'fine_tuning_job_id');
  }
}

export class FineTunedModelNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(FineTuningErrorCode.ModelNotFound, `No such fine-tuned model: ${id}`, 'id');
  }
}

export class FineTuningRequestError extends InvalidRequestError {
  constructor(
    message: string,
    param: string | null,
    code: FineTuningErrorCode = FineTuningErrorCode.InvalidRequest,
  ) {
    super(code, message, param);
  }
}

export class ApplicationNotLiveError extends WardenError {
  constructor(name: string) {
    super(
      FineTuningErrorCode.ApplicationNotLive,
      `Application "${name}" is not live: only applications that passed production review may fine-tune.`,
    );
  }
}

/** A fine-tuned model not yet approved by staff: only its owner's sandbox keys may call it. */
export class ModelAwaitingReviewError extends WardenError {
  constructor(model: string) {
    super(
      FineTuningErrorCode.ModelAwaitingReview,
      `The model \`${model}\` is awaiting staff review: until it is approved only the owner's sandbox keys may use it.`,
      'model',
    );
  }
}

/** `DELETE /v1/models/{model}` on a model the deployment serves but no organization owns (a base model, a checkpoint). */
export class ModelNotDeletableError extends WardenError {
  constructor(model: string) {
    super(
      FineTuningErrorCode.ModelNotDeletable,
      `The model \`${model}\` cannot be deleted: only your organization's own fine-tuned models can.`,
      'model',
    );
  }
}

export class QuotaExceededError extends WardenError {
  constructor(message: string) {
    super(FineTuningErrorCode.QuotaExceeded, message);
  }
}

export class ReviewTransitionError extends WardenError {
  constructor(message: string) {
    super(FineTuningErrorCode.InvalidTransition, message);
  }
}
