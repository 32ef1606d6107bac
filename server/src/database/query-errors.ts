import { QueryFailedError } from 'typeorm';
import { CommonErrorCode, InvalidRequestError } from '../common/errors';

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

/**
 * SQLSTATEs of text Postgres cannot hold: a NUL character in a text value ("invalid byte sequence for encoding
 * UTF8: 0x00", 22021) or in a jsonb value ("unsupported Unicode escape sequence", 22P05). A JavaScript string
 * reaches Postgres as UTF-8 (lone surrogates become U+FFFD on the way), so only what a client sent produces them.
 */
const UNSTORABLE_TEXT_STATES: ReadonlySet<string> = new Set(['22021', '22P05']);

/**
 * The client's error behind a query Postgres refused for a NUL character in text a request carried (a sign-up's
 * name, a feedback comment, a file id in a path): a 400 rather than a 500 naming a request id. Null for any other
 * failure.
 */
export function unstorableTextError(err: unknown): InvalidRequestError | null {
  const code =
    err instanceof QueryFailedError
      ? (err.driverError as { code?: unknown }).code
      : err instanceof Error
        ? (err as { code?: unknown }).code
        : undefined;
  if (typeof code !== 'string' || !UNSTORABLE_TEXT_STATES.has(code)) return null;
  return new InvalidRequestError(
    CommonErrorCode.InvalidValue,
    'The request holds a NUL character (U+0000), which Warden can neither store nor look up. Remove it and retry.',
  );
}
