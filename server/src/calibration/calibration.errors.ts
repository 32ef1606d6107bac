import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    calibration: CalibrationErrorCode;
  }
}

export enum CalibrationErrorCode {
  CalibrationNotFound = 'calibration_not_found',
  ProposalNotFound = 'policy_proposal_not_found',
  ReplayNotFound = 'policy_replay_not_found',
  QueueNotFound = 'label_queue_not_found',
  ApplicationNotFound = 'application_not_found',
  ApplicationRequired = 'application_required',
  NoThresholds = 'no_thresholds',
  InvalidPolicy = 'invalid_policy',
  NoFinishedReplay = 'no_finished_replay',
  PolicyChangedSinceReplay = 'policy_changed_since_replay',
  AlreadyApplied = 'policy_proposal_already_applied',
  QueueUnavailable = 'queue_unavailable',
}

export class CalibrationError extends WardenError {
  constructor(code: CalibrationErrorCode, message: string, param: string | null = null) {
    super(code, message, param);
  }

  static calibrationNotFound(id: string): CalibrationError {
    return new CalibrationError(CalibrationErrorCode.CalibrationNotFound, `No calibration with id ${id}.`);
  }

  static proposalNotFound(id: string): CalibrationError {
    return new CalibrationError(CalibrationErrorCode.ProposalNotFound, `No policy proposal with id ${id}.`);
  }

  static replayNotFound(id: string): CalibrationError {
    return new CalibrationError(CalibrationErrorCode.ReplayNotFound, `No replay with id ${id}.`);
  }

  static queueNotFound(id: string): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.QueueNotFound,
      `No labeling queue with id ${id}.`,
      'queueId',
    );
  }

  static applicationNotFound(id: string): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.ApplicationNotFound,
      `No application with id ${id}.`,
      'applicationId',
    );
  }

  static applicationRequired(): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.ApplicationRequired,
      'This calibration covers every application; name the application whose policy the proposal is for.',
      'applicationId',
    );
  }

  static noThresholds(id: string): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.NoThresholds,
      `Calibration ${id} chose no threshold that meets its precision target; there is nothing to propose.`,
    );
  }

  static invalidPolicy(problems: string[]): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.InvalidPolicy,
      `Invalid policy: ${problems.join('; ')}`,
      'patch',
    );
  }

  static noFinishedReplay(id: string): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.NoFinishedReplay,
      `Policy proposal ${id} has no completed replay; replay it over logged traffic before applying it.`,
    );
  }

  static policyChanged(id: string, replayedVersion: number, currentVersion: number): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.PolicyChangedSinceReplay,
      `The policy changed since proposal ${id} was last replayed (version ${replayedVersion}, now ${currentVersion}); replay it again.`,
    );
  }

  static alreadyApplied(id: string): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.AlreadyApplied,
      `Policy proposal ${id} is already applied.`,
    );
  }

  static queueUnavailable(): CalibrationError {
    return new CalibrationError(
      CalibrationErrorCode.QueueUnavailable,
      'The job queue is unavailable; the replay was recorded as failed. Try again.',
    );
  }
}
