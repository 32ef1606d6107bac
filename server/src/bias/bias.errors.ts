import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    bias: BiasErrorCode;
  }
}

export enum BiasErrorCode {
  RunNotFound = 'bias_run_not_found',
  ApplicationNotFound = 'application_not_found',
  UnknownModel = 'unknown_model',
  NoModel = 'no_model',
  RunNotCompleted = 'bias_run_not_completed',
  QueueUnavailable = 'queue_unavailable',
}

export class BiasError extends WardenError {
  constructor(code: BiasErrorCode, message: string, param: string | null = null) {
    super(code, message, param);
  }

  static runNotFound(id: string): BiasError {
    return new BiasError(BiasErrorCode.RunNotFound, `No bias run with id ${id}.`);
  }

  static applicationNotFound(id: string): BiasError {
    return new BiasError(BiasErrorCode.ApplicationNotFound, `No application with id ${id}.`, 'applicationId');
  }

  static unknownModel(model: string, served: string[]): BiasError {
    return new BiasError(
      BiasErrorCode.UnknownModel,
      `Warden serves no model "${model}"; use one of: ${served.join(', ') || '(none)'}.`,
      'model',
    );
  }

  static noModel(): BiasError {
    return new BiasError(
      BiasErrorCode.NoModel,
      'No model was given and this deployment has no default model.',
      'model',
    );
  }

  static notCompleted(id: string, status: string): BiasError {
    return new BiasError(
      BiasErrorCode.RunNotCompleted,
      `Bias run ${id} is ${status}; only completed runs can be compared.`,
    );
  }

  static queueUnavailable(): BiasError {
    return new BiasError(
      BiasErrorCode.QueueUnavailable,
      'The job queue is unavailable; the bias run was recorded as failed. Try again.',
    );
  }
}
