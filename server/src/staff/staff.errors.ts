import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    staff: StaffErrorCode;
  }
}

export enum StaffErrorCode {
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  InvalidRefreshToken = 'invalid_refresh_token',
  Forbidden = 'forbidden',
  StaffNotFound = 'staff_not_found',
  EmailTaken = 'email_taken',
  LastAdmin = 'last_admin',
  CannotDeleteSelf = 'cannot_delete_self',
}

/** Authentication and staff-management failures; also used by the developer portal's logins. */
export class StaffError extends WardenError {
  constructor(code: StaffErrorCode, message: string) {
    super(code, message);
  }

  static unauthenticated(): StaffError {
    return new StaffError(
      StaffErrorCode.Unauthenticated,
      'Sign in: send a valid access token as `Authorization: Bearer <token>`.',
    );
  }

  static invalidCredentials(): StaffError {
    return new StaffError(
      StaffErrorCode.InvalidCredentials,
      'Wrong e-mail address or password, or the account is locked for a while after too many failed sign-ins.',
    );
  }

  static invalidRefreshToken(): StaffError {
    return new StaffError(
      StaffErrorCode.InvalidRefreshToken,
      'The refresh token is invalid, expired or already used; sign in again.',
    );
  }

  static forbidden(permission: string): StaffError {
    return new StaffError(StaffErrorCode.Forbidden, `Your role does not allow this (${permission}).`);
  }

  static notFound(id: string): StaffError {
    return new StaffError(StaffErrorCode.StaffNotFound, `No staff member with id ${id}.`);
  }

  static emailTaken(email: string): StaffError {
    return new StaffError(StaffErrorCode.EmailTaken, `${email} already has an account.`);
  }

  static lastAdmin(): StaffError {
    return new StaffError(
      StaffErrorCode.LastAdmin,
      'Warden needs at least one admin; make someone else admin first.',
    );
  }

  static cannotDeleteSelf(): StaffError {
    return new StaffError(StaffErrorCode.CannotDeleteSelf, 'You cannot delete your own account.');
  }
}
