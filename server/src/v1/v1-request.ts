import { FastifyReply, FastifyRequest } from 'fastify';
import { clientRequestIdFrom } from '../common/request-context';
import { V1RequestContext } from './call-trace';

/**
 * What every /v1 route takes from the transport; the signal fires when the client goes away mid-answer, or with
 * `stopping`'s reason when the api ends the calls still in flight as it shuts down (V1Drain).
 */
export function v1RequestContext(
  request: FastifyRequest,
  reply?: FastifyReply,
  stopping?: AbortSignal,
): V1RequestContext {
  const abort = new AbortController();
  reply?.raw.on('close', () => {
    if (!reply.raw.writableFinished) abort.abort();
  });
  // Both signals live as long as the call: a listener, not AbortSignal.any (see V1Drain).
  if (stopping?.aborted) abort.abort(stopping.reason);
  else stopping?.addEventListener('abort', () => abort.abort(stopping.reason), { once: true });
  return {
    requestId: request.id,
    clientRequestId: clientRequestIdFrom(request.headers),
    authorization: request.headers.authorization,
    body: request.body,
    // Fastify resolves X-Forwarded-For only from WARDEN_TRUSTED_PROXIES; otherwise this is the socket's peer.
    clientIp: request.ip ?? null,
    signal: abort.signal,
  };
}
