import { OpenAiErrorType, WardenError } from '../common/errors';

export enum ApplicationsErrorCode {
  ApplicationSuspended = 'application_suspended',
  ApplicationTerminated = 'application_terminated',
}

export class ApplicationsError extends WardenError {
  readonly status = 403;
  readonly type = OpenAiErrorType.Permission;

  static suspended(name: string): ApplicationsError {
    return new ApplicationsError(
      ApplicationsErrorCode.ApplicationSuspended,
      `The application "${name}" is suspended pending review; its keys cannot be used until staff reinstate it.`,
    );
  }

  static terminated(name: string): ApplicationsError {
    return new ApplicationsError(ApplicationsErrorCode.ApplicationTerminated, `The application "${name}" has been terminated.`);
  }
}
