import { FastifyReply } from 'fastify';

/** Server-sent events in OpenAI's framing: `data: {json}` per chunk, then `data: [DONE]`. */
export async function writeEventStream(
  reply: FastifyReply,
  chunks: AsyncGenerator<object>,
  headers: Record<string, string>,
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
      if (!raw.write(`data: ${JSON.stringify(chunk)}\n\n`)) {
        await new Promise<void>((resolve) => {
          raw.once('drain', resolve);
          raw.once('close', resolve);
        });
      }
    }
    if (!raw.destroyed) {
      raw.end('data: [DONE]\n\n');
    }
  } finally {
    await chunks.return(undefined);
  }
}
