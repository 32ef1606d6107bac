import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    applications: ApplicationsErrorCode;
    applicationReview: ApplicationReviewErrorCode;
  }
}

export enum ApplicationsErrorCode {
  ApplicationSuspended = 'application_suspended',
  ApplicationTerminated = 'application_terminated',
}

export class ApplicationsError extends WardenError {
  static suspended(name: string): ApplicationsError {
    return new ApplicationsError(
      ApplicationsErrorCode.ApplicationSuspended,
      `The application "${name}" is suspended pending review; its keys cannot be used until staff reinstate it.`,
    );
  }

  static terminated(name: string): ApplicationsError {
    return new ApplicationsError(
      ApplicationsErrorCode.ApplicationTerminated,
      `The application "${name}" has been terminated.`,
    );
  }
}

/** Failures of the portal and staff APIs on applications. */
export enum ApplicationReviewErrorCode {
  ApplicationNotFound = 'application_not_found',
  InvalidTransition = 'invalid_transition',
  NotEditable = 'application_not_editable',
  ChecklistIncomplete = 'checklist_incomplete',
  ReReviewInPast = 're_review_in_past',
  GrantTermsMissing = 'grant_terms_missing',
  InvalidPolicy = 'invalid_policy',
}

export class ApplicationReviewError extends WardenError {
  constructor(code: ApplicationReviewErrorCode, message: string) {
    super(code, message);
  }

  static notFound(id: string): ApplicationReviewError {
    return new ApplicationReviewError(
      ApplicationReviewErrorCode.ApplicationNotFound,
      `No application with id ${id}.`,
    );
  }

  static invalidTransition(decision: string, reviewState: string, status: string): ApplicationReviewError {
    return new ApplicationReviewError(
      ApplicationReviewErrorCode.InvalidTransition,
      `"${decision}" is not possible for an application that is ${reviewState.replace('_', ' ')} and ${status}.`,
    );
  }

  static notEditable(reviewState: string, status: string): ApplicationReviewError {
    return new ApplicationReviewError(
      ApplicationReviewErrorCode.NotEditable,
      `The application is ${reviewState.replace('_', ' ')} and ${status}; it can be changed only as a draft or when changes were requested.`,
    );
  }

  static checklistIncomplete(items: string[]): ApplicationReviewError {
    return new ApplicationReviewError(
      ApplicationReviewErrorCode.ChecklistIncomplete,
      `An approval needs every checklist item answered yes; missing or no: ${items.join(', ')}.`,
    );
  }

  static grantTermsMissing(): ApplicationReviewError {
    return new ApplicationReviewError(
      ApplicationReviewErrorCode.GrantTermsMissing,
      "A research application is approved with its grant: set the grant's start and end dates first " +
        '(PUT /admin/research-grants/:id).',
    );
  }

  static reReviewInPast(): ApplicationReviewError {
    return new ApplicationReviewError(
      ApplicationReviewErrorCode.ReReviewInPast,
      'reReviewAt must be in the future.',
    );
  }
}
