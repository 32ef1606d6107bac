import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    organizations: OrganizationsErrorCode;
  }
}

export enum OrganizationsErrorCode {
  OrganizationNotFound = 'organization_not_found',
  OrganizationExists = 'organization_exists',
  /** A staff member who is also a developer in the organization may not decide its requests or undo its enforcement. */
  SelfReview = 'self_review',
}

export class OrganizationsError extends WardenError {
  constructor(code: OrganizationsErrorCode, message: string) {
    super(code, message);
  }

  static notFound(id: string): OrganizationsError {
    return new OrganizationsError(
      OrganizationsErrorCode.OrganizationNotFound,
      `No organization with id ${id}.`,
    );
  }

  static selfReview(): OrganizationsError {
    return new OrganizationsError(
      OrganizationsErrorCode.SelfReview,
      'You hold a developer account in this organization, so another reviewer must take this decision.',
    );
  }

  static exists(name: string): OrganizationsError {
    return new OrganizationsError(
      OrganizationsErrorCode.OrganizationExists,
      `An organization named "${name}" already exists.`,
    );
  }
}
