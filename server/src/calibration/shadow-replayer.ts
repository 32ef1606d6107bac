import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { ReplayDiff } from '../contracts';
import { redactPersonalData } from '../moderation/checks/pii.check';
import { ModerationService, ReadTogether } from '../moderation/moderation.service';
import { Direction, ModerationAction } from '../moderation/moderation.types';
import { PoliciesService } from '../policies/policies.service';
import { PolicyRules } from '../policies/policy.types';
import { LoggedCall } from './calibration.types';
import { PolicyProposalsRepository } from './policy-proposals.repository';
import { outcomeOf, ReplayDiffBuilder } from './replay-diff';

const SNIPPET_CHARS = 200;
const DEVELOPER_ROLES = new Set(['system', 'developer']);

export interface ReplayProgress {
  progressed(done: number, total: number): Promise<void>;
}

/**
 * Re-runs the real checks (ModerationService) under a proposed policy on the stored text of logged calls and
 * compares the outcome with the stored verdicts. It reads request logs and writes only its replay row: no stored
 * call, strike, webhook or metric of real traffic is touched, because none of those live in moderation.
 */
@Injectable()
export class ShadowReplayer {
  constructor(
    private readonly repository: PolicyProposalsRepository,
    private readonly policies: PoliciesService,
    private readonly moderation: ModerationService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Null when the replay had already finished (a redelivered job): nothing is done twice. */
  async run(replayId: string, progress: ReplayProgress, signal: AbortSignal): Promise<ReplayDiff | null> {
    const replay = await this.repository.findReplay(replayId);
    const proposal = replay && (await this.repository.find(replay.proposalId));
    if (!replay || !proposal) return null;
    const claimed = await this.repository.claimReplay(replay.id, proposal.applicationId);
    if (!claimed) return null;
    const rules = await this.policies.preview(
      { id: proposal.applicationId, status: proposal.applicationStatus },
      proposal.patch,
    );
    this.logger.info(
      { replayId, proposalId: proposal.id, total: claimed.progressTotal },
      'policy replay started',
    );
    const diff = new ReplayDiffBuilder();
    let after: { createdAt: Date; requestId: string } | null = null;
    let done = 0;
    for (;;) {
      const calls = await this.repository.loggedCalls(
        proposal.applicationId,
        claimed.windowFrom,
        claimed.windowTo,
        after,
      );
      if (calls.length === 0) break;
      for (const call of calls) {
        signal.throwIfAborted();
        await this.replayCall(call, rules, diff);
      }
      done += calls.length;
      const last = calls[calls.length - 1];
      after = { createdAt: last.createdAt, requestId: last.requestId };
      await this.repository.replayProgress(replay.id, done);
      await progress.progressed(done, Math.max(done, claimed.progressTotal));
    }
    const result = diff.build();
    await this.repository.completeReplay(replay.id, result);
    this.logger.info(
      { replayId, replayed: result.replayed, newlyBlocked: result.newlyBlocked },
      'policy replay completed',
    );
    return result;
  }

  attemptFailed(replayId: string, err: unknown, final: boolean): Promise<void> {
    return this.repository.replayAttemptFailed(
      replayId,
      err instanceof Error ? err.message : String(err),
      final,
    );
  }

  private async replayCall(call: LoggedCall, rules: PolicyRules, diff: ReplayDiffBuilder): Promise<void> {
    const replayed = replayInput(call, rules);
    if (replayed === null) {
      diff.skip();
      return;
    }
    const inputs = replayed.texts;
    const input = await this.moderation.screenInput(inputs, rules, {}, undefined, replayed.readTogether);
    const verdicts = [...input.verdicts];
    const outputs = outputTexts(call.output);
    if (input.action !== ModerationAction.Block && outputs.length > 0) {
      const output = await this.moderation.moderate(outputs, Direction.Output, rules);
      verdicts.push(...output.flatMap((result) => result.verdicts));
    }
    const snippet = redactPersonalData(inputs.join(' \u00b7 ')).slice(0, SNIPPET_CHARS);
    diff.add(call.requestId, snippet, outcomeOf(call.verdicts), outcomeOf(verdicts));
  }
}

/**
 * What a replay moderates of a logged call, as the pipeline did: the texts it sent to the model (the prompt, or each
 * prompt, or each chat message the policy does not exempt, with the tools it called and their arguments, which the
 * pipeline moderates as forwarded text; then the suffix), and the groups of them also read together (a chat's message
 * contents, or each prompt with the suffix). Null for prompts of token ids, which carry no text to check.
 */
export function replayInput(
  call: Pick<LoggedCall, 'prompt' | 'suffix'>,
  rules: Pick<PolicyRules, 'exemptSystemPrompt'>,
): { texts: string[]; readTogether: ReadTogether[] } | null {
  const prompt = call.prompt;
  const texts: string[] = [];
  let readTogether: ReadTogether[] = [];
  if (typeof prompt === 'string') {
    texts.push(prompt);
  } else if (Array.isArray(prompt) && prompt.every((item) => typeof item === 'string')) {
    texts.push(...(prompt as string[]));
  } else if (Array.isArray(prompt) && prompt.every(isMessage)) {
    const contents: number[] = [];
    for (const message of prompt) {
      if (rules.exemptSystemPrompt && DEVELOPER_ROLES.has(message.role)) continue;
      contents.push(texts.length);
      texts.push(message.content, ...toolCallTexts(message));
    }
    readTogether = [{ indexes: contents, param: 'messages' }];
  } else {
    return null;
  }
  if (typeof call.suffix === 'string' && call.suffix.length > 0) {
    if (readTogether.length === 0) {
      readTogether = texts.map((_, index) => ({ indexes: [index, texts.length], param: 'prompt' }));
    }
    texts.push(call.suffix);
  }
  return { texts, readTogether };
}

function toolCallTexts(message: LoggedMessage): string[] {
  if (!Array.isArray(message.toolCalls)) return [];
  return message.toolCalls.flatMap((call) =>
    typeof call === 'object' && call !== null && typeof call.name === 'string'
      ? [[call.name, typeof call.arguments === 'string' ? call.arguments : ''].join('\n')]
      : [],
  );
}

/** A chat message as the request log stores it (`v1-recorder`'s `loggedMessage`). */
interface LoggedMessage {
  role: string;
  content: string;
  toolCalls?: Array<{ name?: unknown; arguments?: unknown }>;
}

function isMessage(value: unknown): value is LoggedMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).role === 'string' &&
    typeof (value as Record<string, unknown>).content === 'string'
  );
}

function outputTexts(output: unknown): string[] {
  if (!Array.isArray(output)) return [];
  return output.flatMap((choice: unknown) =>
    typeof choice === 'object' &&
    choice !== null &&
    typeof (choice as Record<string, unknown>).text === 'string'
      ? [(choice as { text: string }).text]
      : [],
  );
}
