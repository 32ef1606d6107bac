import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Honours a well-formed `x-request-id` from a trusted proxy, otherwise mints one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  if (typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming)) {
    return incoming;
  }
  return `req_${randomBytes(12).toString('hex')}`;
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
