import { ModerationErrorCode } from '../moderation/moderation.errors';
import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../common/errors';
import { HeldCompletionResponse } from '../moderation/held-completions.dto';
import { ModerationResponse } from '../moderation/moderation.dto';
import { ModerationsService } from './moderations.service';
import { v1RequestContext } from './v1-request';

@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class ModerationsController {
  constructor(private readonly moderations: ModerationsService) {}

  @Post('moderations')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Classify text with the application's checks (OpenAI moderation shape, plus the 2020 content-filter label)",
  })
  @ApiBody({ description: "OpenAI's CreateModerationRequest (text inputs)", schema: { type: 'object' } })
  @ApiOkResponse({ description: "OpenAI's CreateModerationResponse" })
  async create(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ModerationResponse> {
    const { body, headers } = await this.moderations.moderate(v1RequestContext(request));
    reply.headers(headers);
    return body;
  }

  @Get('held-completions/:id')
  @ApiOperation({ summary: 'The state of a completion held for staff review, and its text once released' })
  async held(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
  ): Promise<HeldCompletionResponse> {
    const held = await this.moderations.findHeld(authorization, id);
    if (!held) {
      throw new NotFoundError(
        ModerationErrorCode.HeldCompletionNotFound,
        `No held completion ${id} for this application.`,
        'id',
      );
    }
    return held;
  }
}
