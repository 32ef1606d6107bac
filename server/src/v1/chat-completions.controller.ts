import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { WARDEN_CONFIG } from '../config/config.module';
import { WardenConfig } from '../config/config';
import { chatCompletionsDialect } from './chat-completions.dialect';
import { writeEventStream } from './event-stream';
import { CompletionsPipeline } from './completions.pipeline';
import { v1RequestContext } from './v1-request';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class ChatCompletionsController {
  constructor(
    private readonly pipeline: CompletionsPipeline,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  @Post('chat/completions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a chat completion (OpenAI chat completions API); SSE when `stream` is true',
  })
  @ApiBody({ description: "OpenAI's CreateChatCompletionRequest", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateChatCompletionResponse" })
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.pipeline.run(v1RequestContext(request, reply), chatCompletionsDialect);
    if (outcome.kind === 'json') {
      await reply.status(outcome.status).headers(outcome.headers).send(outcome.body);
      return;
    }
    await writeEventStream(reply, outcome.chunks, outcome.headers, this.config.requestTimeoutMs);
  }
}
