import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { pageLimit } from '../common/page-limit';
import { V1Calls } from '../files/v1-caller';
import { page, parseCreateJob, toOpenAiCheckpoint, toOpenAiEvent, toOpenAiJob } from './fine-tuning.dto';
import { FineTuningService } from './fine-tuning.service';

const DEFAULT_PAGE = 20;

/** `/v1/fine_tuning/jobs` in OpenAI's shapes. */
@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1/fine_tuning/jobs')
export class FineTuningController {
  constructor(
    private readonly jobs: FineTuningService,
    private readonly calls: V1Calls,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a fine-tuning job (live applications; screened files; reviewed result)' })
  create(@Req() request: FastifyRequest, @Body() body: unknown) {
    const input = parseCreateJobSafely(body);
    return this.calls.run(this.describe(request, '/v1/fine_tuning/jobs', input.model), async (caller) =>
      toOpenAiJob(await this.jobs.create(caller, input.parse())),
    );
  }

  @Get()
  list(@Req() request: FastifyRequest, @Query() query: Record<string, string | undefined>) {
    return this.calls.run(this.describe(request, '/v1/fine_tuning/jobs'), async (caller) => {
      const limit = pageLimit(query.limit, DEFAULT_PAGE);
      const { data, has_more } = page(
        await this.jobs.list(caller, query.after ?? null, limit),
        limit,
        toOpenAiJob,
      );
      return { object: 'list' as const, data, has_more };
    });
  }

  @Get(':id')
  retrieve(@Req() request: FastifyRequest, @Param('id') id: string) {
    return this.calls.run(this.describe(request, '/v1/fine_tuning/jobs/{id}'), async (caller) =>
      toOpenAiJob(await this.jobs.get(caller, id)),
    );
  }

  @Get(':id/events')
  events(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Query() query: Record<string, string | undefined>,
  ) {
    return this.calls.run(this.describe(request, '/v1/fine_tuning/jobs/{id}/events'), async (caller) => {
      const limit = pageLimit(query.limit, DEFAULT_PAGE);
      const { data, has_more } = page(
        await this.jobs.events(caller, id, query.after ?? null, limit),
        limit,
        toOpenAiEvent,
      );
      return { object: 'list' as const, data, has_more };
    });
  }

  @Get(':id/checkpoints')
  checkpoints(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Query() query: Record<string, string | undefined>,
  ) {
    return this.calls.run(this.describe(request, '/v1/fine_tuning/jobs/{id}/checkpoints'), async (caller) => {
      const limit = pageLimit(query.limit, 10);
      return page(
        await this.jobs.checkpoints(caller, id, query.after ?? null, limit),
        limit,
        toOpenAiCheckpoint,
      );
    });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Req() request: FastifyRequest, @Param('id') id: string) {
    return this.calls.run(this.describe(request, '/v1/fine_tuning/jobs/{id}/cancel'), async (caller) =>
      toOpenAiJob(await this.jobs.cancel(caller, id)),
    );
  }

  private describe(request: FastifyRequest, endpoint: string, model?: string) {
    return { request, endpoint, model: model ?? null };
  }
}

/**
 * The body is parsed after authentication (an unauthenticated caller gets 401, not a validation error), but the
 * model name is logged with the call when the body has one.
 */
function parseCreateJobSafely(body: unknown): {
  model: string | undefined;
  parse: () => ReturnType<typeof parseCreateJob>;
} {
  const model =
    typeof body === 'object' && body !== null && typeof (body as { model?: unknown }).model === 'string'
      ? (body as { model: string }).model
      : undefined;
  return { model, parse: () => parseCreateJob(body) };
}
