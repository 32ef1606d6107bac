import { NotFoundError } from '../common/errors';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    audit: AuditErrorCode;
  }
}

export enum AuditErrorCode {
  AuditEventNotFound = 'audit_event_not_found',
}

export class AuditEventNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(AuditErrorCode.AuditEventNotFound, `No audit event with id ${id}.`);
  }
}
