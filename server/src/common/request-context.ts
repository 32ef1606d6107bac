import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

const CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

const REQUEST_ID_BYTES = 12;
/** Random bytes are drawn for many ids at once: a draw per request was a measurable share of the api's CPU. */
const IDS_PER_DRAW = 256;
let idBytes = Buffer.alloc(0);
let idOffset = 0;

/**
 * Request ids are the server's: a client-chosen id would let 100 parallel calls share one log row, or a caller
 * collide with another organization's id. What the client sends is kept apart (see `clientRequestIdFrom`).
 */
export function mintRequestId(): string {
  if (idOffset + REQUEST_ID_BYTES > idBytes.length) {
    idBytes = randomBytes(REQUEST_ID_BYTES * IDS_PER_DRAW);
    idOffset = 0;
  }
  const id = idBytes.toString('hex', idOffset, idOffset + REQUEST_ID_BYTES);
  idOffset += REQUEST_ID_BYTES;
  return `req_${id}`;
}

/**
 * The client's own id for a call (`x-client-request-id`, as OpenAI's SDKs send it, else `x-request-id`), when
 * it is printable ASCII of at most 128 characters: echoed back and logged for correlation, never used as a key.
 */
export function clientRequestIdFrom(headers: Record<string, string | string[] | undefined>): string | null {
  const value = headers['x-client-request-id'] ?? headers['x-request-id'];
  return typeof value === 'string' && CLIENT_REQUEST_ID.test(value) ? value : null;
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
