import { readBoundedText, ResponseTooLarge } from '../../common/bounded-response';
import { GuardEndpoint } from '../../config/config';
import { Direction, GuardUse, Verdict } from '../moderation.types';

export enum GuardFailureCode {
  Timeout = 'timeout',
  Http = 'http_error',
  Network = 'network_error',
  Malformed = 'malformed_response',
}

export class GuardCallError extends Error {
  constructor(
    readonly code: GuardFailureCode,
    message: string,
  ) {
    super(message);
  }
}

/** POSTs JSON to a guard endpoint within its timeout; any failure becomes a GuardCallError with its code. */
export async function postJson(endpoint: GuardEndpoint, path: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
      throw new GuardCallError(GuardFailureCode.Timeout, `no answer within ${endpoint.timeoutMs} ms`);
    }
    throw new GuardCallError(GuardFailureCode.Network, err instanceof Error ? err.message : String(err));
  }
  let text: string;
  try {
    text = await readBoundedText(response.body, MAX_GUARD_ANSWER_BYTES);
  } catch (err) {
    if (err instanceof ResponseTooLarge) throw new GuardCallError(GuardFailureCode.Malformed, err.message);
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new GuardCallError(
      timedOut ? GuardFailureCode.Timeout : GuardFailureCode.Network,
      timedOut ? `no answer within ${endpoint.timeoutMs} ms` : String(err),
    );
  }
  if (!response.ok) {
    throw new GuardCallError(GuardFailureCode.Http, `HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GuardCallError(GuardFailureCode.Malformed, `not JSON: ${text.slice(0, 200)}`);
  }
}

/**
 * A guard's verdicts are a few bytes a text (a moderation result for each of up to 2,048 inputs stays under a few
 * MB): an answer past this is not a guard's, and is not read into memory.
 */
const MAX_GUARD_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * What a guard check says when it could not judge a text: one `guard-unavailable` verdict that scores 1 when the
 * policy fails closed in this direction (its rule then decides; block by default) and 0 when it fails open.
 */
export function unavailableVerdict(
  check: string,
  use: GuardUse,
  direction: Direction,
  err: unknown,
): Verdict {
  const closed = direction === Direction.Input ? use.failClosed.input : use.failClosed.output;
  const reason =
    err instanceof GuardCallError
      ? `${err.code}: ${err.message}`
      : err instanceof Error
        ? err.message
        : String(err);
  return {
    check,
    category: 'guard-unavailable',
    score: closed ? 1 : 0,
    failure: { mode: closed ? 'closed' : 'open', reason },
  };
}

export function usesDirection(use: GuardUse, direction: Direction): boolean {
  return direction === Direction.Input ? use.input : use.output;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
