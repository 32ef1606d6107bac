import { FastifyReply, FastifyRequest } from 'fastify';
import { clientRequestIdFrom } from '../common/request-context';
import { V1RequestContext } from './call-trace';

/**
 * What every /v1 route takes from the transport; the signal fires when the client goes away mid-answer, or when
 * whoever else holds `abort` ends the call (V1Drain, as the api shuts down).
 */
export function v1RequestContext(
  request: FastifyRequest,
  reply?: FastifyReply,
  abort = new AbortController(),
): V1RequestContext {
  reply?.raw.on('close', () => {
    if (!reply.raw.writableFinished) abort.abort();
  });
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
