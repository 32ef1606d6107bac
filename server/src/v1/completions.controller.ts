import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CompletionChunks } from './completion-generation';
import { CompletionsPipeline } from './completions.pipeline';
import { v1RequestContext } from './v1-request';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class CompletionsController {
  constructor(private readonly pipeline: CompletionsPipeline) {}

  @Post('completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a completion (OpenAI legacy completions API); SSE when `stream` is true' })
  @ApiBody({ description: "OpenAI's CreateCompletionRequest", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateCompletionResponse" })
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.pipeline.run(v1RequestContext(request, reply));
    if (outcome.kind === 'json') {
      await reply.status(outcome.status).headers(outcome.headers).send(outcome.body);
      return;
    }
    await writeEventStream(reply, outcome.chunks, outcome.headers);
  }
}

/** Server-sent events in OpenAI's framing: `data: {json}` per chunk, then `data: [DONE]`. */
async function writeEventStream(
  reply: FastifyReply,
  chunks: CompletionChunks,
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
