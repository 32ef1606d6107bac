import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { v1RequestContext } from '../v1/v1-request';
import { FeedbackResponse } from './feedback.dto';
import { FeedbackService } from './feedback.service';

/** `POST /v1/feedback`: not in OpenAI's API; Warden's own route in OpenAI's style (snake_case, its error envelope). */
@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('feedback')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Rate one of this application's calls (by the id it answered: cmpl-…, chatcmpl-… or its x-request-id); with `user` or `safety_identifier` it is an end user's report",
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['id', 'rating'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', description: 'cmpl-…, chatcmpl-… or the req_… request id of the call' },
        rating: { type: 'string', enum: ['good', 'bad'] },
        categories: {
          type: 'array',
          items: { type: 'string' },
          description: 'Moderation categories the text belongs in, in your judgment',
        },
        comment: { type: 'string', maxLength: 4000 },
        user: { type: 'string', maxLength: 256, description: 'The end user giving this feedback' },
        safety_identifier: { type: 'string', maxLength: 256 },
      },
    },
  })
  @ApiCreatedResponse({
    description:
      'The label: {id, object: "feedback", request_id, source: developer|end_user, rating, categories, comment, end_user, created_at}',
  })
  async create(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackResponse> {
    const { body, headers } = await this.feedback.submitFeedback(v1RequestContext(request));
    reply.headers(headers);
    return body;
  }
}
