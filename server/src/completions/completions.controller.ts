import { Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ModelRegistry } from '../inference/model-registry';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApplicationsService } from '../applications/applications.service';
import { ModelListResponse, toModelListResponse } from './completions.dto';
import { CompletionChunks, CompletionsPipeline } from './completions.pipeline';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class CompletionsController {
  constructor(
    private readonly pipeline: CompletionsPipeline,
    private readonly models: ModelRegistry,
    private readonly apiKeys: ApiKeysService,
    private readonly applications: ApplicationsService,
  ) {}

  @Post('completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a completion (OpenAI legacy completions API); SSE when `stream` is true' })
  @ApiBody({ description: "OpenAI's CreateCompletionRequest", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateCompletionResponse" })
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) {
        abort.abort();
      }
    });
    const outcome = await this.pipeline.run({
      requestId: request.id,
      authorization: request.headers.authorization,
      body: request.body,
      clientIp: request.ip ?? null,
      signal: abort.signal,
    });
    if (outcome.kind === 'json') {
      await reply.status(outcome.status).headers(outcome.headers).send(outcome.body);
      return;
    }
    await writeEventStream(reply, outcome.chunks, outcome.headers);
  }

  @Get('models')
  @ApiOperation({ summary: 'List the models this deployment serves' })
  @ApiOkResponse({ description: "OpenAI's ListModelsResponse" })
  async list(@Headers('authorization') authorization: string | undefined): Promise<ModelListResponse> {
    const { application } = await this.apiKeys.authenticate(authorization);
    this.applications.assertMayCall(application);
    return toModelListResponse(this.models.list());
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
    'x-request-id': reply.request.id,
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
