import { Inject, Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { WARDEN_CONFIG } from '../config/config.module';
import { WardenConfig } from '../config/config';
import { V1RequestContext } from './call-trace';
import { CompletionDialect } from './completion-dialect';
import { CompletionsPipeline } from './completions.pipeline';
import { writeEventStream } from './event-stream';
import { V1Drain } from './v1-drain';
import { v1RequestContext } from './v1-request';

/** Both completion routes: a JSON answer or an event stream, counted in flight for a draining shutdown. */
@Injectable()
export class CompletionServing {
  constructor(
    private readonly pipeline: CompletionsPipeline,
    private readonly drain: V1Drain,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  serve(request: FastifyRequest, reply: FastifyReply, dialect: CompletionDialect): Promise<void> {
    const call = new AbortController();
    return this.drain.track(call, () => this.answer(v1RequestContext(request, reply, call), reply, dialect));
  }

  private async answer(
    context: V1RequestContext,
    reply: FastifyReply,
    dialect: CompletionDialect,
  ): Promise<void> {
    const outcome = await this.pipeline.run(context, dialect);
    if (outcome.kind === 'json') {
      await reply.status(outcome.status).headers(outcome.headers).send(outcome.body);
      return;
    }
    await writeEventStream(reply, outcome.chunks, outcome.headers, this.config.requestTimeoutMs);
  }
}
