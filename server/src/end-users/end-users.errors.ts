import { InvalidRequestError, WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    endUsers: EndUserErrorCode;
  }
}

export enum EndUserErrorCode {
  EndUserBlocked = 'end_user_blocked',
  UserRequired = 'user_required',
  EndUserNotFound = 'end_user_not_found',
}

export class MissingEndUserError extends InvalidRequestError {
  constructor() {
    super(
      EndUserErrorCode.UserRequired,
      "This application's policy requires the `user` field: a stable identifier of the end user making the request.",
      'user',
    );
  }
}

export class EndUserError extends WardenError {
  static blocked(endUser: string): EndUserError {
    return new EndUserError(
      EndUserErrorCode.EndUserBlocked,
      `The end user "${endUser}" is blocked by this application's content policy after repeated flagged requests.`,
    );
  }
}
