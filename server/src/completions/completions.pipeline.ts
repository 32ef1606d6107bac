import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApplicationsService } from '../applications/applications.service';
import { ErrorBody, WardenError } from '../common/errors';
import { LOGGER } from '../common/logger.module';
import { ModelProvider, StreamEvent } from '../inference/model-provider';
import { ModelRegistry } from '../inference/model-registry';
import { MetricsService } from '../monitoring/metrics.service';
import { RequestLogProducer } from '../request-logs/request-log.producer';
import { CompletionCall, CompletionCallInput } from './completion-call';
import {
  completionId,
  CompletionResponse,
  parseCreateCompletion,
  toCompletionChunk,
  toCompletionResponse,
  toUsageChunk,
} from './completions.dto';
import { CompletionsError } from './completions.errors';

export type CompletionStreamItem = CompletionResponse | { error: ErrorBody };
export type CompletionChunks = AsyncGenerator<CompletionStreamItem>;
export type CompletionOutcome = { kind: 'json'; body: CompletionResponse } | { kind: 'stream'; chunks: CompletionChunks };

/**
 * `POST /v1/completions`, stage by stage, as DESIGN.md lists them:
 * authenticate → resolve → end user → rate limit → length limits → input moderation → generate →
 * output moderation → record. Every call, answered or refused, is recorded exactly once.
 */
@Injectable()
export class CompletionsPipeline {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly applications: ApplicationsService,
    private readonly models: ModelRegistry,
    private readonly requestLogs: RequestLogProducer,
    private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(input: CompletionCallInput): Promise<CompletionOutcome> {
    const call = new CompletionCall(input);
    try {
      await this.authenticate(call);
      this.resolve(call);
      call.request = parseCreateCompletion(input.body);
      this.identifyEndUser(call);
      await this.enforceRateLimits(call);
      await this.enforceLengthLimits(call);
      await this.moderateInput(call);
      const provider = this.models.resolve(call.request.model);
      if (call.request.stream) {
        return { kind: 'stream', chunks: await this.generateStream(call, provider) };
      }
      return { kind: 'json', body: await this.generate(call, provider) };
    } catch (err) {
      await this.record(call, err);
      throw err;
    }
  }

  private async authenticate(call: CompletionCall): Promise<void> {
    const { key, application } = await this.apiKeys.authenticate(call.input.authorization);
    call.key = key;
    call.application = application;
  }

  private resolve(call: CompletionCall): void {
    this.applications.assertMayCall(call.application!);
  }

  private identifyEndUser(call: CompletionCall): void {
    call.endUser = call.request!.user;
  }

  /** Per-key and per-end-user budgets arrive with the limits issue; until then every call passes. */
  private async enforceRateLimits(_call: CompletionCall): Promise<void> {}

  /** Policy length limits arrive with the moderation issue; the model itself still refuses over-long contexts. */
  private async enforceLengthLimits(_call: CompletionCall): Promise<void> {}

  /** Input checks arrive with the moderation issue; until then prompts pass unchanged. */
  private async moderateInput(_call: CompletionCall): Promise<void> {}

  /** Output checks arrive with the moderation issue; until then generated text passes unchanged. */
  private async moderateOutput(_call: CompletionCall): Promise<void> {}

  private async generate(call: CompletionCall, provider: ModelProvider): Promise<CompletionResponse> {
    const request = call.request!;
    const result = await provider.complete({ ...request, signal: call.input.signal });
    call.collect(result.choices);
    call.usage = result.usage;
    await this.moderateOutput(call);
    await this.record(call);
    return toCompletionResponse(completionId(call.requestId), unixTime(call.createdAt), request.model, result.choices, result.usage);
  }

  /**
   * Starts generation and waits for its first event, so a model that fails at once is still an HTTP error rather
   * than a 200 stream carrying one.
   */
  private async generateStream(call: CompletionCall, provider: ModelProvider): Promise<CompletionChunks> {
    const request = call.request!;
    const events = provider.stream({ ...request, signal: call.input.signal })[Symbol.asyncIterator]();
    const first = await events.next();
    return this.streamChunks(call, events, first);
  }

  private async *streamChunks(
    call: CompletionCall,
    events: AsyncIterator<StreamEvent>,
    first: IteratorResult<StreamEvent>,
  ): CompletionChunks {
    const request = call.request!;
    const id = completionId(call.requestId);
    const created = unixTime(call.createdAt);
    let failure: unknown;
    try {
      for (let next = first; !next.done; next = await events.next()) {
        const event = next.value;
        if (event.kind === 'usage') {
          call.usage = event.usage;
          continue;
        }
        call.collect(event.choices);
        await this.moderateOutput(call);
        yield toCompletionChunk(id, created, request.model, event.choices);
      }
      if (request.includeUsage && call.usage) {
        yield toUsageChunk(id, created, request.model, call.usage);
      }
    } catch (err) {
      failure = err;
      yield { error: this.describe(err, call.requestId) };
    } finally {
      await events.return?.();
      await this.record(call, failure ?? (call.input.signal.aborted ? new ClientClosedRequest() : undefined));
    }
  }

  private async record(call: CompletionCall, failure?: unknown): Promise<void> {
    if (call.recorded) {
      return;
    }
    call.recorded = true;
    const error = failure instanceof WardenError ? failure : undefined;
    const statusCode = failure === undefined ? 200 : (error?.status ?? (failure instanceof ClientClosedRequest ? 499 : 500));
    const choices = [...call.choices.entries()].sort(([a], [b]) => a - b).map(([index, choice]) => ({ index, ...choice }));
    const model = call.request?.model ?? null;
    this.metrics.completions.inc({ model: model ?? 'unknown', outcome: String(statusCode), stream: String(call.request?.stream ?? false) });
    if (call.usage && model) {
      this.metrics.completionTokens.inc({ model }, call.usage.completion_tokens);
    }
    try {
      await this.requestLogs.record({
        requestId: call.requestId,
        createdAt: call.createdAt.toISOString(),
        endpoint: '/v1/completions',
        apiKeyId: call.key?.id ?? null,
        applicationId: call.application?.id ?? null,
        organizationId: call.application?.organizationId ?? null,
        endUser: call.endUser,
        model,
        prompt: call.request?.prompt ?? null,
        output: choices.length > 0 ? choices : null,
        stream: call.request?.stream ?? false,
        statusCode,
        errorCode: error?.code ?? (failure instanceof ClientClosedRequest ? 'client_closed_request' : failure ? 'internal_error' : null),
        errorMessage: failure instanceof Error ? failure.message : null,
        finishReasons: choices.length > 0 ? choices.map((choice) => choice.finish_reason ?? 'incomplete') : null,
        promptTokens: call.usage?.prompt_tokens ?? null,
        completionTokens: call.usage?.completion_tokens ?? null,
        latencyMs: performance.now() - call.startedAt,
        timeToFirstTokenMs: call.firstTokenAt === undefined ? null : call.firstTokenAt - call.startedAt,
        verdicts: [],
        clientIp: call.input.clientIp,
      });
    } catch (err) {
      this.metrics.requestLogFailures.inc();
      this.logger.error({ err }, 'request log could not be queued');
      if (failure === undefined) {
        throw CompletionsError.loggingUnavailable();
      }
    }
  }

  private describe(err: unknown, requestId: string): ErrorBody {
    if (err instanceof WardenError) {
      return err.toBody();
    }
    this.logger.error({ err }, 'stream failed');
    return CompletionsError.internal(requestId).toBody();
  }
}

class ClientClosedRequest extends Error {
  constructor() {
    super('the client closed the connection before the completion finished');
  }
}

function unixTime(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
