import { createHash } from 'node:crypto';
import { RequestLogRecord } from './request-log.record';

/**
 * The longest end user stored as given. Above it (the api refuses longer `user` values, but rows also come from
 * older api versions and the queue) the value keeps a prefix and its SHA-256, which stays distinct and fits
 * every index on it (a btree entry holds about 2.7 kB; 512 characters are at most 2 kB of UTF-8).
 */
export const MAX_STORED_END_USER = 512;
const END_USER_PREFIX = MAX_STORED_END_USER - 'sha256:'.length - 64 - 1;

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What Postgres cannot store, replaced, with a note per field in `sanitized`: NUL characters and lone UTF-16
 * surrogates (neither exists in a Postgres text or jsonb value) become U+FFFD, an oversized end user is shortened.
 * Copies only what changes: a record with nothing to replace (nearly every one) is returned as it came.
 */
export function sanitizeRecord(record: RequestLogRecord): RequestLogRecord {
  const notes: string[] = [];
  let clean: Record<string, unknown> | undefined;
  for (const [field, value] of Object.entries(record)) {
    const found = new Set<string>();
    const result = cleanValue(value, found);
    for (const problem of found) notes.push(`${field}: ${problem} replaced with U+FFFD`);
    if (result !== value) (clean ??= { ...record })[field] = result;
  }
  const endUser = (clean ?? record).endUser as string | null;
  if (endUser && endUser.length > MAX_STORED_END_USER) {
    const digest = createHash('sha256').update(endUser).digest('hex');
    (clean ??= { ...record }).endUser = `${endUser.slice(0, END_USER_PREFIX)}~sha256:${digest}`;
    notes.push(`end_user: longer than ${MAX_STORED_END_USER} characters, stored as a prefix and its SHA-256`);
  }
  const sanitized = notes.length > 0 ? notes : null;
  if (clean === undefined && (record.sanitized ?? null) === sanitized) return record;
  return { ...(clean ?? record), sanitized } as RequestLogRecord;
}

/**
 * A string as Postgres stores it: NUL characters and lone surrogates replaced with U+FFFD, as `sanitizeRecord`
 * replaces them. Whatever is looked up by a value a row stores (an end user's status) must use this form.
 */
export function storableText(value: string): string {
  return cleanString(value, new Set());
}

/** The value with every string cleaned; the same value (not a copy) when nothing in it needed cleaning. */
function cleanValue(value: unknown, found: Set<string>): unknown {
  if (typeof value === 'string') return cleanString(value, found);
  if (Array.isArray(value)) {
    const items = value.map((item) => cleanValue(item, found));
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const cleaned = entries.map(([key, item]) => [cleanString(key, found), cleanValue(item, found)]);
    const unchanged = cleaned.every(
      ([key, item], index) => key === entries[index][0] && item === entries[index][1],
    );
    return unchanged ? value : Object.fromEntries(cleaned);
  }
  return value;
}

function cleanString(value: string, found: Set<string>): string {
  let result = value;
  if (result.includes('\u0000')) {
    found.add('NUL characters');
    result = result.replace(NUL, '\ufffd');
  }
  LONE_SURROGATE.lastIndex = 0;
  if (LONE_SURROGATE.test(result)) {
    found.add('lone surrogates');
    result = result.replace(LONE_SURROGATE, '\ufffd');
  }
  return result;
}
