import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApplicationStatus } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { ErrorBody, WardenError } from '../common/errors';
import { LOGGER } from '../common/logger.module';
import { EndUserError, MissingEndUserError } from '../end-users/end-users.errors';
import { EndUsersService } from '../end-users/end-users.service';
import { EndUserStatus } from '../end-users/strikes';
import {
  CompletionChoice,
  ModelProvider,
  PromptInput,
  StreamChoiceDelta,
  StreamEvent,
} from '../inference/model-provider';
import { ModelRegistry } from '../inference/model-registry';
import { assertWithinLengthLimits, estimateTokens } from '../limits/length-limits';
import { RateLimitError } from '../limits/limits.errors';
import { RateBudget, RateLimiter, rateLimitHeaders } from '../limits/rate-limiter';
import { redactPersonalData } from '../moderation/checks/pii.check';
import { HeldCompletionsRepository } from '../moderation/held-completions.repository';
import { ModerationError } from '../moderation/moderation.errors';
import { ModerationResult, ModerationService } from '../moderation/moderation.service';
import { ACTION_SEVERITY, Direction, ModerationAction } from '../moderation/moderation.types';
import { PoliciesService } from '../moderation/policies/policies.service';
import { StreamGuard } from '../moderation/stream-guard';
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
export type CompletionOutcome = (
  { kind: 'json'; status: number; body: CompletionResponse } | { kind: 'stream'; chunks: CompletionChunks }
) & {
  headers: Record<string, string>;
};

const MIN_STREAM_HOLDBACK = 48;

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
    private readonly policies: PoliciesService,
    private readonly models: ModelRegistry,
    private readonly moderation: ModerationService,
    private readonly rateLimiter: RateLimiter,
    private readonly endUsers: EndUsersService,
    private readonly held: HeldCompletionsRepository,
    private readonly requestLogs: RequestLogProducer,
    private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(input: CompletionCallInput): Promise<CompletionOutcome> {
    const call = new CompletionCall(input);
    try {
      await this.authenticate(call);
      await this.resolve(call);
      call.request = parseCreateCompletion(input.body);
      const provider = this.models.resolve(call.request.model);
      await this.identifyEndUser(call);
      this.measurePrompt(call, provider);
      await this.enforceRateLimits(call);
      this.enforceLengthLimits(call);
      await this.moderateInput(call);
      const headers = call.rateLimitHeaders;
      if (call.request.stream && call.inputAction !== ModerationAction.Hold) {
        return { kind: 'stream', chunks: await this.generateStream(call, provider), headers };
      }
      const { status, body } = await this.generate(call, provider);
      // A held prompt's output is never streamed: the whole answer waits for staff, announced in one chunk.
      return call.request.stream
        ? { kind: 'stream', chunks: singleChunk(body), headers }
        : { kind: 'json', status, body, headers };
    } catch (err) {
      await this.record(
        call,
        input.signal.aborted && !(err instanceof WardenError) ? new ClientClosedRequest() : err,
      );
      throw err;
    }
  }

  private async authenticate(call: CompletionCall): Promise<void> {
    const { key, application } = await this.apiKeys.authenticate(call.input.authorization);
    call.key = key;
    call.application = application;
  }

  private async resolve(call: CompletionCall): Promise<void> {
    this.applications.assertMayCall(call.application!);
    const sandboxKey =
      this.apiKeys.policyStatus({ key: call.key!, application: call.application! }) ===
      ApplicationStatus.Sandbox;
    call.policy = await this.policies.resolve(call.application!, { sandboxKey });
  }

  /** The `user` field, required where the policy says so; blocked end users are refused, throttled ones slowed. */
  private async identifyEndUser(call: CompletionCall): Promise<void> {
    call.endUser = call.request!.user?.trim() || null;
    if (call.policy!.requireUser && !call.endUser) {
      throw new MissingEndUserError();
    }
    if (!call.endUser) return;
    call.endUserStatus = await this.endUsers.status(call.application!.id, call.endUser);
    if (call.endUserStatus === EndUserStatus.Blocked) {
      throw EndUserError.blocked(call.endUser);
    }
  }

  /** Prompt texts (for moderation) and their token counts (for budgets and limits), with the model's tokenizer. */
  private measurePrompt(call: CompletionCall, provider: ModelProvider): void {
    const request = call.request!;
    const prompts = promptList(request.prompt);
    call.promptTexts = prompts.map((prompt) =>
      typeof prompt === 'string'
        ? prompt
        : provider.detokenize
          ? provider.detokenize(request.model, prompt)
          : '',
    );
    if (prompts.some((prompt) => typeof prompt !== 'string') && !provider.detokenize) {
      throw ModerationError.unmoderatablePrompt();
    }
    call.promptTokens = prompts.map((prompt, index) =>
      typeof prompt === 'string'
        ? (provider.countTokens?.(request.model, call.promptTexts[index]) ??
          estimateTokens(call.promptTexts[index]))
        : prompt.length,
    );
  }

  /** Requests and tokens per minute, per key and per end user; tokens are charged at their maximum up front. */
  private async enforceRateLimits(call: CompletionCall): Promise<void> {
    const request = call.request!;
    const limits = call.policy!.rateLimits;
    const budgets: RateBudget[] = [
      {
        subject: `key:${call.key!.id}`,
        requestsPerMinute: limits.requestsPerMinute,
        tokensPerMinute: limits.tokensPerMinute,
      },
    ];
    if (call.endUser) {
      const throttled = call.endUserStatus === EndUserStatus.Throttled;
      budgets.push({
        subject: `user:${call.application!.id}:${call.endUser}`,
        requestsPerMinute: throttled
          ? Math.min(limits.endUserRequestsPerMinute, call.policy!.strikes.throttledRequestsPerMinute)
          : limits.endUserRequestsPerMinute,
        tokensPerMinute: limits.endUserTokensPerMinute,
      });
    }
    const tokens =
      call.promptTokens.reduce((sum, count) => sum + count, 0) +
      request.maxTokens * request.bestOf * call.promptTokens.length;
    const decision = await this.rateLimiter.charge(budgets, tokens);
    call.rateLimitHeaders = rateLimitHeaders(decision);
    if (!decision.allowed) {
      const who = decision.exceeded!.subject.startsWith('user:')
        ? `end user "${call.endUser}"`
        : 'this API key';
      throw new RateLimitError(
        `Rate limit reached for ${who}: ${decision.exceeded!.dimension} per minute (limit ${decision.exceeded!.dimension === 'requests' ? decision.limitRequests : decision.limitTokens}). Retry after ${Math.ceil(decision.resetMs / 1000)} s.`,
        call.rateLimitHeaders,
        decision.resetMs,
      );
    }
  }

  private enforceLengthLimits(call: CompletionCall): void {
    const request = call.request!;
    assertWithinLengthLimits(call.promptTokens, request.maxTokens, call.policy!.limits);
  }

  private async moderateInput(call: CompletionCall): Promise<void> {
    const results = await this.moderation.moderate(call.promptTexts, Direction.Input, call.policy!);
    call.verdicts.push(...results.flatMap((result) => result.verdicts));
    const action = strongest(results);
    if (action === ModerationAction.Block) {
      throw ModerationError.inputBlocked(
        results
          .flatMap((result) => result.verdicts)
          .filter((verdict) => verdict.action === ModerationAction.Block),
      );
    }
    if (results.some((result, index) => result.text !== call.promptTexts[index])) {
      call.request = {
        ...call.request!,
        prompt:
          results.length === 1 && typeof call.request!.prompt === 'string'
            ? results[0].text
            : results.map((result) => result.text),
      };
    }
    call.inputAction = action;
  }

  private async generate(
    call: CompletionCall,
    provider: ModelProvider,
  ): Promise<{ status: number; body: CompletionResponse }> {
    const request = call.request!;
    const result = await provider.complete({ ...request, signal: call.input.signal });
    call.collect(result.choices);
    call.usage = result.usage;
    const choices = await this.moderateOutput(call, result.choices);
    let response = toCompletionResponse(
      completionId(call.requestId),
      unixTime(call.createdAt),
      request.model,
      choices,
      result.usage,
    );
    let status = 200;
    if (call.holdRequested) {
      response = await this.holdForReview(call, response);
      status = 202;
    }
    await this.record(call);
    return { status, body: response };
  }

  /** Withholds or redacts each generated choice as the policy's output rules say. */
  private async moderateOutput(
    call: CompletionCall,
    choices: CompletionChoice[],
  ): Promise<CompletionChoice[]> {
    const results = await this.moderation.moderate(
      choices.map((choice) => choice.text),
      Direction.Output,
      call.policy!,
    );
    call.verdicts.push(...results.flatMap((result) => result.verdicts));
    if (call.inputAction === ModerationAction.Hold || strongest(results) === ModerationAction.Hold) {
      call.holdRequested = true;
    }
    return choices.map((choice, index) => {
      const result = results[index];
      if (result.action === ModerationAction.Block) {
        call.choices.get(choice.index)!.finish_reason = 'content_filter';
        return { ...choice, text: '', logprobs: null, finish_reason: 'content_filter' };
      }
      return result.text === choice.text ? choice : { ...choice, text: result.text, logprobs: null };
    });
  }

  /** A held output waits for staff; the developer gets a clear status and the id to ask about it later. */
  private async holdForReview(
    call: CompletionCall,
    response: CompletionResponse,
  ): Promise<CompletionResponse> {
    call.heldId = await this.held.hold({
      requestId: call.requestId,
      applicationId: call.application!.id,
      apiKeyId: call.key!.id,
      endUser: call.endUser,
      model: call.request!.model,
      prompt: call.request!.prompt,
      response,
      verdicts: call.verdicts.filter((verdict) => verdict.triggered),
    });
    return {
      ...response,
      choices: response.choices.map((choice) => ({
        ...choice,
        text: '',
        logprobs: null,
        finish_reason: 'content_filter',
      })),
      warden: {
        status: 'held',
        held_completion_id: call.heldId,
        message:
          'The output is held for review by staff. Fetch GET /v1/held-completions/{id} for the decision.',
      },
    };
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
    const guards = new Map<number, StreamGuard>();
    const policy = call.policy!;
    const holdback = Math.max(
      MIN_STREAM_HOLDBACK,
      ...[...policy.blocklist.words, ...policy.blocklist.phrases].map((entry) => entry.length + 8),
    );
    const guardFor = (index: number) => {
      let guard = guards.get(index);
      if (!guard) {
        guard = new StreamGuard(
          async (text) => (await this.moderation.moderate([text], Direction.Output, policy))[0],
          holdback,
        );
        guards.set(index, guard);
      }
      return guard;
    };
    const expected = promptList(request.prompt).length * request.n;
    let failure: unknown;
    try {
      for (let next = first; !next.done; next = await events.next()) {
        const event = next.value;
        if (event.kind === 'usage') {
          call.usage = event.usage;
          continue;
        }
        call.collect(event.choices);
        const released: StreamChoiceDelta[] = [];
        for (const choice of event.choices) {
          const guard = guardFor(choice.index);
          if (guard.isBlocked) continue;
          const step = choice.finish_reason
            ? await this.finishGuarded(guard, choice)
            : await guard.push(choice.text);
          if (step.blocked) {
            call.choices.get(choice.index)!.finish_reason = 'content_filter';
            released.push({ index: choice.index, text: '', logprobs: null, finish_reason: 'content_filter' });
          } else if (step.text || choice.finish_reason) {
            released.push({
              index: choice.index,
              text: step.text,
              logprobs: choice.logprobs,
              finish_reason: choice.finish_reason,
            });
          }
        }
        if (released.length > 0) {
          yield toCompletionChunk(id, created, request.model, released);
        }
        if (guards.size === expected && [...guards.values()].every((guard) => guard.isBlocked)) {
          break; // every choice is cut off: stop spending compute on text nobody will see
        }
      }
      if (request.includeUsage && call.usage) {
        yield toUsageChunk(id, created, request.model, call.usage);
      }
    } catch (err) {
      failure = err;
      yield { error: this.describe(err, call.requestId) };
    } finally {
      await events.return?.();
      call.verdicts.push(...[...guards.values()].flatMap((guard) => guard.verdicts));
      await this.record(call, failure ?? (call.input.signal.aborted ? new ClientClosedRequest() : undefined));
    }
  }

  private async finishGuarded(
    guard: StreamGuard,
    choice: StreamChoiceDelta,
  ): Promise<{ text: string; blocked: boolean }> {
    const pushed = await guard.push(choice.text);
    if (pushed.blocked) return pushed;
    const rest = await guard.finish();
    return { text: pushed.text + rest.text, blocked: rest.blocked };
  }

  private async record(call: CompletionCall, failure?: unknown): Promise<void> {
    if (call.recorded) {
      return;
    }
    call.recorded = true;
    const error = failure instanceof WardenError ? failure : undefined;
    const statusCode =
      failure === undefined
        ? call.heldId
          ? 202
          : 200
        : (error?.status ?? (failure instanceof ClientClosedRequest ? 499 : 500));
    const choices = [...call.choices.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, choice]) => ({ index, ...choice }));
    const model = call.request?.model ?? null;
    const logged = call.policy?.redactLoggedText ? redactPersonalData : (text: string) => text;
    this.metrics.completions.inc({
      model: model ?? 'unknown',
      outcome: String(statusCode),
      stream: String(call.request?.stream ?? false),
    });
    if (call.usage && model) {
      this.metrics.completionTokens.inc({ model }, call.usage.completion_tokens);
    }
    if (model && failure === undefined) {
      this.metrics.completionLatency.observe(
        { model, stream: String(call.request?.stream ?? false) },
        (performance.now() - call.startedAt) / 1000,
      );
    }
    for (const verdict of call.verdicts) {
      if (verdict.triggered)
        this.metrics.verdicts.inc({
          direction: verdict.direction,
          category: verdict.category,
          action: verdict.action,
        });
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
        prompt: call.request ? mapPromptText(call.request.prompt, logged) : null,
        output:
          choices.length > 0
            ? choices.map(({ index, text, finish_reason }) => ({ index, text: logged(text), finish_reason }))
            : null,
        stream: call.request?.stream ?? false,
        statusCode,
        errorCode:
          error?.code ??
          (failure instanceof ClientClosedRequest
            ? 'client_closed_request'
            : failure
              ? 'internal_error'
              : null),
        errorMessage: failure instanceof Error ? failure.message : null,
        finishReasons:
          choices.length > 0 ? choices.map((choice) => choice.finish_reason ?? 'incomplete') : null,
        promptTokens: call.usage?.prompt_tokens ?? null,
        completionTokens: call.usage?.completion_tokens ?? null,
        latencyMs: performance.now() - call.startedAt,
        timeToFirstTokenMs: call.firstTokenAt === undefined ? null : call.firstTokenAt - call.startedAt,
        verdicts: call.verdicts.filter(
          (verdict) => verdict.triggered || verdict.score >= 0.01 || verdict.failure !== undefined,
        ),
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

function promptList(prompt: PromptInput): Array<string | number[]> {
  if (typeof prompt === 'string') return [prompt];
  if (prompt.length > 0 && typeof prompt[0] === 'number') return [prompt as number[]];
  return prompt as Array<string | number[]>;
}

function mapPromptText(prompt: PromptInput, map: (text: string) => string): PromptInput {
  if (typeof prompt === 'string') return map(prompt);
  return prompt.map((item) => (typeof item === 'string' ? map(item) : item)) as PromptInput;
}

async function* singleChunk(response: CompletionResponse): CompletionChunks {
  yield response;
}

function strongest(results: ModerationResult[]): ModerationAction {
  return results.reduce<ModerationAction>(
    (worst, result) => (ACTION_SEVERITY[result.action] > ACTION_SEVERITY[worst] ? result.action : worst),
    ModerationAction.Allow,
  );
}

function unixTime(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
