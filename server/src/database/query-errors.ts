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
 * reaches a text value as UTF-8 (lone surrogates become U+FFFD on the way), so only what a client sent produces them.
 */
const UNSTORABLE_TEXT_STATES: ReadonlySet<string> = new Set(['22021', '22P05']);

/** jsonb's refusal of what it cannot parse, among them a lone surrogate ("invalid input syntax for type json"). */
const INVALID_TEXT_REPRESENTATION = '22P02';

/**
 * A lone surrogate as JSON.stringify writes it into a jsonb value: a `\uD800`–`\uDFFF` escape whose backslash is
 * not itself escaped (a pair is written as the character, never as escapes).
 */
const LONE_SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/**
 * The client's error behind a query Postgres refused for text a request carried that it cannot hold (a sign-up's
 * name, a feedback comment, a file id in a path): a NUL character, or a lone surrogate headed for a jsonb value. A
 * 400 rather than a 500 naming a request id. Null for any other failure.
 */
export function unstorableTextError(err: unknown): InvalidRequestError | null {
  const code =
    err instanceof QueryFailedError
      ? (err.driverError as { code?: unknown }).code
      : err instanceof Error
        ? (err as { code?: unknown }).code
        : undefined;
  const unstorable =
    typeof code === 'string' &&
    (UNSTORABLE_TEXT_STATES.has(code) ||
      (code === INVALID_TEXT_REPRESENTATION && err instanceof QueryFailedError && holdsLoneSurrogate(err)));
  if (!unstorable) return null;
  return new InvalidRequestError(
    CommonErrorCode.InvalidValue,
    'The request holds a NUL character (U+0000) or a lone surrogate (half of a UTF-16 pair, e.g. "\\ud800"), ' +
      'which Warden can neither store nor look up. Remove it and retry.',
  );
}

function holdsLoneSurrogate(err: QueryFailedError): boolean {
  const parameters: unknown[] = Array.isArray(err.parameters) ? err.parameters : [];
  return parameters.some((value) => typeof value === 'string' && LONE_SURROGATE_ESCAPE.test(value));
}
