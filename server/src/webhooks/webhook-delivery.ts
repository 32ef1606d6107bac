import http from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { Resolve, resolveWebhookTarget } from './webhook-url';

export interface WebhookPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs one delivery to a webhook URL and answers the HTTP status; redirects are not followed. The connection
 * goes to the addresses the URL's check approved, never to a second resolution of its name.
 */
export async function postWebhook(
  raw: string,
  allowPrivate: boolean,
  post: WebhookPost,
  resolve?: Resolve,
): Promise<number> {
  const { url, addresses } = await resolveWebhookTarget(raw, allowPrivate, resolve);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((answer, fail) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        signal: AbortSignal.timeout(post.timeoutMs),
        lookup: addresses ? pinnedLookup(addresses) : undefined,
      },
      (response) => {
        response.resume();
        answer(response.statusCode ?? 0);
      },
    );
    request.on('error', fail);
    request.end(post.body);
  });
}

/** Answers a connection's name lookup with the checked addresses. */
function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(null, entries);
    } else {
      callback(null, entries[0].address, entries[0].family);
    }
  };
}
