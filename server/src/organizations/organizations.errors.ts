import { WardenError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    organizations: OrganizationsErrorCode;
  }
}

export enum OrganizationsErrorCode {
  OrganizationNotFound = 'organization_not_found',
  OrganizationExists = 'organization_exists',
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

  static exists(name: string): OrganizationsError {
    return new OrganizationsError(
      OrganizationsErrorCode.OrganizationExists,
      `An organization named "${name}" already exists.`,
    );
  }
}
