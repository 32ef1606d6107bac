import { Injectable } from '@nestjs/common';
import { ErrorBody, ErrorCatalog, WardenError } from '../common/errors';
import { ModelProvider, StreamChoiceDelta, StreamEvent } from '../inference/model-provider';
import { HeldCompletionsRepository } from '../moderation/held-completions.repository';
import { AppliedVerdict, ModerationService } from '../moderation/moderation.service';
import { Direction, ModerationAction } from '../moderation/moderation.types';
import { OutputGuard } from '../moderation/output-guard';
import { CallTrace } from './call-trace';
import { Caller } from './caller';
import { promptList } from './completion-input';
import {
  completionId,
  CompletionResponse,
  NormalizedCompletionRequest,
  toCompletionChunk,
  toCompletionResponse,
  toUsageChunk,
} from './completions.dto';
import { CompletionsError } from './completions.errors';

export type CompletionStreamItem = CompletionResponse | { error: ErrorBody };
export type CompletionChunks = AsyncGenerator<CompletionStreamItem>;

/** What generation needs besides the request: who asks, what input moderation decided, and where to trace. */
export interface GenerationContext {
  trace: CallTrace;
  caller: Caller;
  request: NormalizedCompletionRequest;
  inputAction: ModerationAction;
  provider: ModelProvider;
  signal: AbortSignal;
}

const HELD_MESSAGE =
  'The output is held for review by staff. Fetch GET /v1/held-completions/{id} for the decision.';

/**
 * Stages 7 and 8: generation, and output moderation through one OutputGuard for whole answers and streams
 * alike. A held output (by the input's or the output's policy) is stored for staff, whole, before answering.
 */
@Injectable()
export class CompletionGeneration {
  constructor(
    private readonly moderation: ModerationService,
    private readonly held: HeldCompletionsRepository,
    private readonly errors: ErrorCatalog,
  ) {}

  async complete(context: GenerationContext): Promise<{ status: number; body: CompletionResponse }> {
    const { trace, request } = context;
    const result = await context.provider
      .complete({ ...request, signal: context.signal })
      .catch((err: unknown) => Promise.reject(stoppedBy(context.signal) ?? err));
    trace.collect(result.choices);
    trace.usage = result.usage;
    const guard = this.guardFor(context);
    const choices = await guard.review(result.choices);
    trace.judged(guard.verdicts);
    choices.forEach((choice) => trace.finish(choice.index, choice.finish_reason));
    const response = toCompletionResponse(
      completionId(trace.context.requestId),
      unixTime(trace.createdAt),
      request.model,
      choices,
      result.usage,
    );
    if (context.inputAction !== ModerationAction.Hold && !guard.held) return { status: 200, body: response };
    const heldId = await this.hold(context, response);
    return {
      status: 202,
      body: {
        ...response,
        choices: response.choices.map((choice) => ({
          ...choice,
          text: '',
          logprobs: null,
          finish_reason: 'content_filter',
        })),
        warden: { status: 'held', held_completion_id: heldId, message: HELD_MESSAGE },
      },
    };
  }

  /**
   * Starts generation and waits for its first event, so a model that fails at once is still an HTTP error rather
   * than a 200 stream carrying one. `done` runs once the stream has ended, however it ended.
   */
  async stream(
    context: GenerationContext,
    done: (failure: unknown) => Promise<void>,
  ): Promise<CompletionChunks> {
    const events = context.provider
      .stream({ ...context.request, signal: context.signal })
      [Symbol.asyncIterator]();
    const first = await events.next();
    return this.streamChunks(context, events, first, done);
  }

  private async *streamChunks(
    context: GenerationContext,
    events: AsyncIterator<StreamEvent>,
    first: IteratorResult<StreamEvent>,
    done: (failure: unknown) => Promise<void>,
  ): CompletionChunks {
    const { trace, request } = context;
    const id = completionId(trace.context.requestId);
    const created = unixTime(trace.createdAt);
    const guard = this.guardFor(context);
    const expected = promptList(request.prompt).length * request.n;
    let failure: unknown;
    try {
      for (let next = first; !next.done; next = await events.next()) {
        const event = next.value;
        if (event.kind === 'usage') {
          trace.usage = event.usage;
          continue;
        }
        trace.collect(event.choices);
        const released: StreamChoiceDelta[] = [];
        for (const choice of event.choices) {
          const out = await guard.push(choice);
          if (!out) continue;
          if (out.finish_reason === 'content_filter') trace.finish(out.index, 'content_filter');
          released.push(out);
        }
        if (released.length > 0) yield toCompletionChunk(id, created, request.model, released);
        if (guard.allBlocked(expected)) break; // nothing more will be sent: stop spending compute on it
      }
      // A provider may end its stream quietly when aborted: a stream the api ended is not a finished answer.
      const stopped = stoppedBy(context.signal);
      if (stopped) throw stopped;
      if (guard.held) yield await this.heldChunk(context, guard, id, created);
      if (request.includeUsage && trace.usage) yield toUsageChunk(id, created, request.model, trace.usage);
    } catch (err) {
      failure = stoppedBy(context.signal) ?? err;
      yield {
        error: this.errors.bodyOf(failure instanceof WardenError ? failure : CompletionsError.internal(id)),
      };
    } finally {
      await events.return?.();
      trace.judged(guard.verdicts);
      await done(failure);
    }
  }

  /** The stream's last word on held choices: the whole output is stored for staff, the client gets its id. */
  private async heldChunk(
    context: GenerationContext,
    guard: OutputGuard,
    id: string,
    created: number,
  ): Promise<CompletionResponse> {
    const indexes = guard.heldChoices;
    const { trace, request } = context;
    const whole = toCompletionResponse(
      id,
      created,
      request.model,
      [...trace.choices.entries()].map(([index, choice]) => ({
        index,
        text: choice.text,
        finish_reason: choice.finish_reason ?? 'stop',
        logprobs: null,
      })),
      trace.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    );
    const heldId = await this.hold(context, whole, guard.verdicts);
    indexes.forEach((index) => trace.finish(index, 'content_filter'));
    return {
      ...toCompletionChunk(
        id,
        created,
        request.model,
        indexes.map((index) => ({ index, text: '', logprobs: null, finish_reason: 'content_filter' })),
      ),
      warden: { status: 'held', held_completion_id: heldId, message: HELD_MESSAGE },
    };
  }

  private async hold(
    context: GenerationContext,
    response: CompletionResponse,
    streamVerdicts: AppliedVerdict[] = [],
  ): Promise<string> {
    const { trace, caller, request } = context;
    trace.heldId = await this.held.hold({
      requestId: trace.context.requestId,
      applicationId: caller.application.id,
      apiKeyId: caller.key.id,
      endUser: request.endUser,
      model: request.model,
      prompt: request.messages
        ? { messages: request.messages }
        : request.suffix === null
          ? request.prompt
          : { prompt: request.prompt, suffix: request.suffix },
      response,
      verdicts: [...trace.verdicts, ...streamVerdicts].filter((verdict) => verdict.triggered),
    });
    return trace.heldId;
  }

  private guardFor({ caller }: GenerationContext): OutputGuard {
    const policy = caller.policy;
    return new OutputGuard(
      (texts) => this.moderation.moderate(texts, Direction.Output, policy),
      OutputGuard.holdbackFor(policy.blocklist),
    );
  }
}

function unixTime(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** The error the api ended the call with as it shut down (V1Drain), when that is why generation stopped. */
function stoppedBy(signal: AbortSignal): WardenError | undefined {
  return signal.aborted && signal.reason instanceof WardenError ? signal.reason : undefined;
}
