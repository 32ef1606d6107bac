import { RequestLogRecord } from './request-log.record';

/**
 * The hand-off between the api and the worker: a Redis Stream of entries, each one group commit of the api
 * (a JSON array of records in the field `records`). The worker reads it as a consumer group, writes what it read,
 * then acknowledges and deletes the entries, so the stream holds only what is not yet in Postgres.
 */
export const REQUEST_LOG_STREAM_FIELD = 'records';
export const REQUEST_LOG_CONSUMER_GROUP = 'writers';

export function requestLogStreamKey(redisPrefix: string): string {
  return `${redisPrefix}:request-logs:stream`;
}

export interface RequestLogStreamEntry {
  id: string;
  /** The records, or why the entry could not be read as records (it is then dead-lettered whole). */
  records: RequestLogRecord[] | { unreadable: string; raw: string };
}

/** Decodes one entry as XREADGROUP / XAUTOCLAIM return it: `[id, [field, value, …]]`. */
export function decodeStreamEntry([id, fields]: [string, string[]]): RequestLogStreamEntry {
  const at = fields.indexOf(REQUEST_LOG_STREAM_FIELD);
  const raw = at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
  if (raw === undefined)
    return { id, records: { unreadable: 'entry has no records field', raw: JSON.stringify(fields) } };
  try {
    const records: unknown = JSON.parse(raw);
    if (!Array.isArray(records) || !records.every(isRecordLike)) {
      return { id, records: { unreadable: 'records field is not an array of records', raw } };
    }
    return { id, records: records as RequestLogRecord[] };
  } catch (err) {
    return { id, records: { unreadable: `records field is not JSON: ${(err as Error).message}`, raw } };
  }
}

/** The least the writer needs to place a row or a dead letter: an object with a string request id. */
function isRecordLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { requestId?: unknown }).requestId === 'string'
  );
}
