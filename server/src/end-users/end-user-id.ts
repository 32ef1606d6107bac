import { storableText } from '../request-logs/request-log.sanitize';

/**
 * The end user a request names (`safety_identifier`, else `user`), trimmed and in the form every store keeps it:
 * the request log and `end_users` hold U+FFFD for a NUL character or a lone surrogate, and strikes, blocks and the
 * status the api enforces are keyed by that stored id. Looking up the id as sent let `mallory\u0000` run on while
 * `mallory\ufffd` was blocked. Null when neither field names anyone.
 */
export function endUserIdOf(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? storableText(trimmed) : null;
}
