import { Injectable } from '@nestjs/common';
import {
  assertWithinByteLimit,
  assertWithinLengthLimits,
  estimateTokens,
  plannedTokens,
  TokenPlan,
} from '../limits/length-limits';
import { LengthLimitError } from '../limits/limits.errors';
import { RateLimiter } from '../limits/rate-limiter';
import { HeldCompletionResponse, toHeldCompletionResponse } from '../moderation/held-completions.dto';
import { HeldCompletionsRepository } from '../moderation/held-completions.repository';
import {
  ModerationResponse,
  parseCreateModeration,
  toModerationResponse,
} from '../moderation/moderation.dto';
import { ModerationService } from '../moderation/moderation.service';
import { Direction } from '../moderation/moderation.types';
import { CallTrace, V1RequestContext } from './call-trace';
import { callerBudgets, CallerResolver } from './caller';
import { presentChatCompletion } from './chat-completions.format';
import { CompletionResponse } from './completions.dto';
import { V1Recorder } from './v1-recorder';

/**
 * `/v1/moderations`: the input-moderation stage on its own, under the calling application's policy and held to
 * the same key and application budgets and input length limits as completions.
 */
@Injectable()
export class ModerationsService {
  constructor(
    private readonly callers: CallerResolver,
    private readonly rateLimiter: RateLimiter,
    private readonly moderation: ModerationService,
    private readonly held: HeldCompletionsRepository,
    private readonly recorder: V1Recorder,
  ) {}

  async moderate(
    context: V1RequestContext,
  ): Promise<{ body: ModerationResponse; headers: Record<string, string> }> {
    const trace = new CallTrace('/v1/moderations', context);
    trace.model = this.moderation.classifierName;
    try {
      const caller = (trace.caller = await this.callers.resolveCaller(context.authorization));
      const { texts } = parseCreateModeration(context.body);
      trace.prompt = texts;
      const limits = caller.policy.limits;
      assertWithinByteLimit(texts, limits, 'input');
      const plan: TokenPlan = {
        // An empty input still costs a pass through every check: charged as a token, budgets bound their number.
        promptTokens: texts.map((text) => Math.max(1, estimateTokens(text))),
        maxTokens: 0,
        sequences: 0,
        maxTokensDefaulted: false,
      };
      const headers = await this.rateLimiter.enforce(callerBudgets(caller, null), plannedTokens(plan));
      assertInputLength(plan, limits);
      const results = await this.moderation.moderate(texts, Direction.Input, caller.policy, {
        applicationId: caller.application.id,
        scoreEveryCategory: true,
      });
      for (const result of results) trace.judged(result.verdicts);
      const id = `modr-${context.requestId.replace(/^req_/, '')}`;
      const body = await toModerationResponse(id, this.moderation.classifierName, results);
      await this.recorder.record(trace);
      return { body, headers };
    } catch (err) {
      await this.recorder.record(trace, err);
      throw err;
    }
  }

  /** A held completion of the caller's application, a chat's in the `chat.completion` shape it was held from. */
  async findHeld(authorization: string | undefined, id: string): Promise<HeldCompletionResponse | null> {
    const { application } = await this.callers.resolveCaller(authorization);
    const held = await this.held.findForApplication(application.id, id);
    if (!held) return null;
    return toHeldCompletionResponse(held, isChatPrompt(held.prompt) ? presentHeldChat : undefined);
  }
}

/** Each input is held to the prompt limit, naming `input` as the parameter at fault. */
function assertInputLength(plan: TokenPlan, limits: { maxPromptTokens: number }): void {
  try {
    assertWithinLengthLimits(plan, {
      maxPromptTokens: limits.maxPromptTokens,
      maxTokens: 0,
      maxTotalTokens: Infinity,
    });
  } catch (err) {
    if (err instanceof LengthLimitError) throw new LengthLimitError(err.code, err.message, 'input');
    throw err;
  }
}

function isChatPrompt(prompt: unknown): boolean {
  return typeof prompt === 'object' && prompt !== null && 'messages' in prompt;
}

/** The held answer keeps every alternative the request asked for, so none is cut here. */
function presentHeldChat(response: unknown): unknown {
  return presentChatCompletion(response as CompletionResponse, Number.POSITIVE_INFINITY);
}
