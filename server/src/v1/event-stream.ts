import { FastifyReply } from 'fastify';
import { ServerResponse } from 'node:http';

/**
 * Server-sent events in OpenAI's framing: `data: {json}` per chunk, then `data: [DONE]`. A client that stops
 * reading for `stalledClientMs` is hung up on: otherwise it would hold the upstream connection or the engine slot
 * behind its stream for as long as it kept its socket open.
 */
export async function writeEventStream(
  reply: FastifyReply,
  chunks: AsyncGenerator<object>,
  headers: Record<string, string>,
  stalledClientMs: number,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...(reply.getHeaders() as Record<string, string>),
    ...headers,
  });
  try {
    for await (const chunk of chunks) {
      if (raw.destroyed) {
        break;
      }
      if (!raw.write(`data: ${JSON.stringify(chunk)}\n\n`) && !(await drained(raw, stalledClientMs))) {
        raw.destroy();
        break;
      }
    }
    if (!raw.destroyed) {
      raw.end('data: [DONE]\n\n');
    }
  } finally {
    await chunks.return(undefined);
  }
}

/** True once the client has read what was buffered; false if it closed or read nothing for `timeoutMs`. */
function drained(raw: ServerResponse, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (result: boolean) => {
      clearTimeout(timer);
      raw.off('drain', onDrain);
      raw.off('close', onClose);
      resolve(result);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    const timer = setTimeout(() => settle(false), timeoutMs);
    raw.once('drain', onDrain);
    raw.once('close', onClose);
  });
}
