import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { NotFoundError } from '../common/errors';
import { HeldCompletionResponse, toHeldCompletionResponse } from './held-completions.dto';
import { ModerationResponse } from './moderation.dto';
import { ModerationsEndpoint } from './moderations.endpoint';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class ModerationController {
  constructor(private readonly endpoint: ModerationsEndpoint) {}

  @Post('moderations')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Classify text with the application's checks (OpenAI moderation shape, plus the 2020 content-filter label)",
  })
  @ApiBody({ description: "OpenAI's CreateModerationRequest (text inputs)", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateModerationResponse" })
  create(
    @Req() request: FastifyRequest,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<ModerationResponse> {
    return this.endpoint.moderate(request.id, authorization, body, request.ip ?? null);
  }

  @Get('held-completions/:id')
  @ApiOperation({ summary: 'The state of a completion held for staff review, and its text once released' })
  async held(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
  ): Promise<HeldCompletionResponse> {
    const held = await this.endpoint.findHeld(authorization, id);
    if (!held) {
      throw new NotFoundError(
        'held_completion_not_found',
        `No held completion ${id} for this application.`,
        'id',
      );
    }
    return toHeldCompletionResponse(held);
  }
}
