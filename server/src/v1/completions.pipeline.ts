import { Injectable } from '@nestjs/common';
import { WardenError } from '../common/errors';
import { EndUserError, MissingEndUserError } from '../end-users/end-users.errors';
import { EndUsersService } from '../end-users/end-users.service';
import { EndUserStatus } from '../end-users/strikes';
import { ModelRegistry } from '../inference/model-registry';
import {
  assertWithinLengthLimits,
  fitMaxTokens,
  lengthLimitError,
  plannedTokens,
  TokenPlan,
} from '../limits/length-limits';
import { RateBudget, RateLimiter } from '../limits/rate-limiter';
import { assertInputAllowed, InputScreening, ModerationService } from '../moderation/moderation.service';
import { ModerationAction } from '../moderation/moderation.types';
import { CallTrace, V1RequestContext } from './call-trace';
import { Caller, callerBudgets, CallerResolver, modelCaller } from './caller';
import { CompletionDialect } from './completion-dialect';
import { forwardedFields, inputParam, ModelInput } from './completion-input';
import { CompletionChunks, CompletionGeneration } from './completion-generation';
import { CompletionResponse, NormalizedCompletionRequest } from './completions.dto';
import { ClientClosedRequest, V1Recorder } from './v1-recorder';
import { ResearchGrantsService } from '../research-grants/research-grants.service';
import { assertResearchParameters, withholdOutputs } from '../research-grants/research-terms';

export type CompletionOutcome = (
  { kind: 'json'; status: number; body: object } | { kind: 'stream'; chunks: AsyncGenerator<object> }
) & { headers: Record<string, string> };

interface EndUser {
  id: string;
  status: EndUserStatus;
}

/**
 * `POST /v1/completions` and `/v1/chat/completions`, stage by stage, as DESIGN.md lists them: authenticate →
 * resolve → end user → rate limit → length limits → input moderation → generate → output moderation → record.
 * Every text the client sends to the model (prompts, suffix, messages) passes every stage; every call, answered
 * or refused, is recorded once. The dialect says how the route reads its body and shapes its answer.
 */
@Injectable()
export class CompletionsPipeline {
  constructor(
    private readonly callers: CallerResolver,
    private readonly models: ModelRegistry,
    private readonly endUsers: EndUsersService,
    private readonly rateLimiter: RateLimiter,
    private readonly moderation: ModerationService,
    private readonly generation: CompletionGeneration,
    private readonly recorder: V1Recorder,
    private readonly researchGrants: ResearchGrantsService,
  ) {}

  async run(context: V1RequestContext, dialect: CompletionDialect): Promise<CompletionOutcome> {
    const trace = new CallTrace(dialect.endpoint, context);
    try {
      const caller = await this.authenticateAndResolve(trace, context.authorization);
      const parsed = this.traced(trace, dialect.parse(context.body));
      if (caller.research) assertResearchParameters(caller.research.profile, parsed);
      const provider = this.models.resolve(parsed.model, modelCaller(caller));
      trace.modelServed = true;
      const endUser = await this.identifyEndUser(caller, parsed);
      const input = await dialect.measure(parsed, provider, caller.policy);
      trace.forwarded = forwardedFields(input);
      const plan = fitMaxTokens(input.plan, caller.policy.limits);
      const budgets = callerBudgets(caller, endUser);
      // Screening starts first: nothing may throw between starting the charge and awaiting it, or a refused
      // charge is an unhandled rejection, which ends the process.
      const screeningAlongside = this.screenAlongsideCharge(caller, input, plan, budgets);
      const headers = await this.rateLimiter.enforce(budgets, plannedTokens(plan));
      if (caller.research) await this.researchGrants.chargeQuota(caller.research, plannedTokens(plan));
      assertWithinLengthLimits(plan, caller.policy.limits);
      const screening = await this.moderateInput(trace, caller, input, screeningAlongside);
      const moderated = dialect.withModeratedTexts(
        { ...parsed, maxTokens: plan.maxTokens },
        input,
        screening.texts,
        provider,
      );
      const request = this.traced(trace, moderated);
      const generation = {
        trace,
        caller,
        request,
        inputAction: screening.action,
        provider,
        signal: context.signal,
      };
      // A locked-down grant's output is never streamed: the whole answer is replaced by a notice, in one chunk.
      const lockedDown = caller.research?.profile.lockedDown ?? false;
      if (request.stream && screening.action !== ModerationAction.Hold && !lockedDown) {
        const done = (failure: unknown) => this.record(trace, failure);
        const chunks = await this.generation.stream(generation, done);
        return { kind: 'stream', chunks: dialect.presentChunks(chunks, request), headers };
      }
      const { status, body: generated } = await this.generation.complete(generation);
      await this.record(trace);
      const body =
        lockedDown && !generated.warden ? withholdOutputs(generated, context.requestId) : generated;
      // A held prompt's output is never streamed: the whole answer waits for staff, announced in one chunk.
      return request.stream
        ? { kind: 'stream', chunks: dialect.presentChunks(singleChunk(body), request), headers }
        : { kind: 'json', status, body: dialect.present(body, request), headers };
    } catch (err) {
      await this.record(trace, err);
      throw err;
    }
  }

  private async authenticateAndResolve(trace: CallTrace, authorization: string | undefined): Promise<Caller> {
    trace.caller = await this.callers.resolveCaller(authorization);
    return trace.caller;
  }

  /** What the request log shows: the request as parsed, then as moderation let it through to the model. */
  private traced(trace: CallTrace, request: NormalizedCompletionRequest): NormalizedCompletionRequest {
    trace.model = request.model;
    trace.prompt = request.prompt;
    trace.suffix = request.suffix;
    trace.messages = request.messages ?? null;
    trace.endUser = request.endUser;
    trace.stream = request.stream;
    return request;
  }

  /** The end user, required where the policy says so; blocked end users are refused, throttled ones slowed. */
  private async identifyEndUser(
    caller: Caller,
    request: NormalizedCompletionRequest,
  ): Promise<EndUser | null> {
    if (caller.policy.requireUser && !request.endUser) throw new MissingEndUserError();
    if (!request.endUser) return null;
    const status = await this.endUsers.status(caller.application.id, request.endUser);
    if (status === EndUserStatus.Blocked) throw EndUserError.blocked(request.endUser);
    return { id: request.endUser, status };
  }

  /**
   * Input moderation started while the budgets are charged (key, application and end user, every token the request
   * may cost), so the classifier works during the Redis round trip instead of after it. Its result is only read
   * once the charge has passed and the length limits hold, so what a request is refused for, and in what order,
   * is unchanged. Started only where the charge will very likely pass and the texts are within the length limits:
   * a client whose budget this process last saw spent, or a prompt over the limits, gets no moderation work done
   * before it is refused. Research callers (a quota charged after the budgets) are screened in order.
   */
  private screenAlongsideCharge(
    caller: Caller,
    input: ModelInput,
    plan: TokenPlan,
    budgets: RateBudget[],
  ): Promise<InputScreening> | null {
    if (caller.research || lengthLimitError(plan, caller.policy.limits)) return null;
    if (!this.rateLimiter.lastSeenRoomFor(budgets, plannedTokens(plan))) return null;
    const screening = this.screen(caller, input);
    // Read only when the charge passes; a refused request leaves it unread, which must not be an unhandled rejection.
    screening.catch(() => undefined);
    return screening;
  }

  private screen(caller: Caller, input: ModelInput): Promise<InputScreening> {
    return this.moderation.screenInput(
      input.texts,
      caller.policy,
      { applicationId: caller.application.id },
      (index) => inputParam(input, index),
      input.readTogether,
    );
  }

  private async moderateInput(
    trace: CallTrace,
    caller: Caller,
    input: ModelInput,
    started: Promise<InputScreening> | null,
  ): Promise<InputScreening> {
    const screening = await (started ?? this.screen(caller, input));
    trace.judged(screening.verdicts);
    assertInputAllowed(screening, (index) => inputParam(input, index));
    return screening;
  }

  private record(trace: CallTrace, failure?: unknown): Promise<void> {
    const aborted = trace.context.signal.aborted && !(failure instanceof WardenError);
    return this.recorder.record(trace, aborted ? new ClientClosedRequest() : failure);
  }
}

async function* singleChunk(response: CompletionResponse): CompletionChunks {
  yield response;
}
