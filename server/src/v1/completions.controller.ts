import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { WARDEN_CONFIG } from '../config/config.module';
import { WardenConfig } from '../config/config';
import { completionsDialect } from './completion-dialect';
import { CompletionsPipeline } from './completions.pipeline';
import { writeEventStream } from './event-stream';
import { v1RequestContext } from './v1-request';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class CompletionsController {
  constructor(
    private readonly pipeline: CompletionsPipeline,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  @Post('completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a completion (OpenAI legacy completions API); SSE when `stream` is true' })
  @ApiBody({ description: "OpenAI's CreateCompletionRequest", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateCompletionResponse" })
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.pipeline.run(v1RequestContext(request, reply), completionsDialect);
    if (outcome.kind === 'json') {
      await reply.status(outcome.status).headers(outcome.headers).send(outcome.body);
      return;
    }
    await writeEventStream(reply, outcome.chunks, outcome.headers, this.config.requestTimeoutMs);
  }
}
