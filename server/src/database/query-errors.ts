import { QueryFailedError } from 'typeorm';

/** Whether Postgres refused a write because of this unique index (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  if (!(err instanceof QueryFailedError)) {
    return false;
  }
  const driverError = err.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/**
 * A failed query as it may be logged: TypeORM attaches the SQL parameters (password hashes, e-mail addresses,
 * prompts) to the error and to its driver error; only the statement and Postgres' own diagnosis are kept.
 */
export function loggableError(err: unknown): unknown {
  if (!(err instanceof QueryFailedError)) {
    return err;
  }
  const driverError = err.driverError as { code?: string; constraint?: string; message?: string };
  return {
    type: 'QueryFailedError',
    message: driverError.message ?? err.message,
    code: driverError.code,
    constraint: driverError.constraint,
    query: err.query,
    stack: err.stack,
  };
}
