import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { chatCompletionsDialect } from './chat-completions.dialect';
import { CompletionServing } from './completion-serving';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class ChatCompletionsController {
  constructor(private readonly serving: CompletionServing) {}

  @Post('chat/completions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a chat completion (OpenAI chat completions API); SSE when `stream` is true',
  })
  @ApiBody({ description: "OpenAI's CreateChatCompletionRequest", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateChatCompletionResponse" })
  create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serving.serve(request, reply, chatCompletionsDialect);
  }
}
