import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { completionsDialect } from './completion-dialect';
import { CompletionServing } from './completion-serving';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class CompletionsController {
  constructor(private readonly serving: CompletionServing) {}

  @Post('completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a completion (OpenAI legacy completions API); SSE when `stream` is true' })
  @ApiBody({ description: "OpenAI's CreateCompletionRequest", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateCompletionResponse" })
  create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serving.serve(request, reply, completionsDialect);
  }
}
