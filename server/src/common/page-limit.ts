import { CommonErrorCode, InvalidRequestError } from './errors';

/** The most items one page of a `/v1` list (files, fine-tuning jobs and their events) may ask for. */
export const MAX_PAGE = 10_000;

/** A list's `limit` query parameter: `fallback` when absent, an `invalid_value` error unless an integer in range. */
export function pageLimit(raw: string | undefined, fallback = MAX_PAGE): number {
  const parsed = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > MAX_PAGE) {
    throw new InvalidRequestError(
      CommonErrorCode.InvalidValue,
      `limit must be an integer from 1 to ${MAX_PAGE}.`,
      'limit',
    );
  }
  return parsed;
}
