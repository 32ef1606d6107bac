import { OpenAiErrorType, WardenError } from '../common/errors';

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
  readonly type = OpenAiErrorType.InvalidRequest;

  constructor(
    readonly status: number,
    code: OrganizationsErrorCode,
    message: string,
  ) {
    super(code, message);
  }

  static notFound(id: string): OrganizationsError {
    return new OrganizationsError(
      404,
      OrganizationsErrorCode.OrganizationNotFound,
      `No organization with id ${id}.`,
    );
  }

  static exists(name: string): OrganizationsError {
    return new OrganizationsError(
      409,
      OrganizationsErrorCode.OrganizationExists,
      `An organization named "${name}" already exists.`,
    );
  }
}
