import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { EndUserStatus } from '../end-users/strikes';
import { CompletionChoice, CompletionLogprobs, StreamChoiceDelta, Usage } from '../inference/model-provider';
import { AppliedVerdict } from '../moderation/moderation.service';
import { ModerationAction } from '../moderation/moderation.types';
import { PolicyRules } from '../moderation/policies/policy.types';
import { NormalizedCompletionRequest } from './completions.dto';

export interface CompletionCallInput {
  requestId: string;
  authorization: string | undefined;
  body: unknown;
  clientIp: string | null;
  signal: AbortSignal;
}

export interface CollectedChoice {
  text: string;
  finish_reason: CompletionChoice['finish_reason'] | null;
  logprobs?: CompletionLogprobs | null;
}

/** Everything one `/v1/completions` call learns on its way through the stages; the record stage logs it. */
export class CompletionCall {
  readonly startedAt = performance.now();
  readonly createdAt = new Date();
  key?: ApiKeyEntity;
  application?: ApplicationEntity;
  policy?: PolicyRules;
  request?: NormalizedCompletionRequest;
  /** The prompt texts as moderation saw them, one per prompt. */
  promptTexts: string[] = [];
  promptTokens: number[] = [];
  endUser: string | null = null;
  endUserStatus = EndUserStatus.Active;
  choices: Map<number, CollectedChoice> = new Map();
  verdicts: AppliedVerdict[] = [];
  usage?: Usage;
  firstTokenAt?: number;
  rateLimitHeaders: Record<string, string> = {};
  inputAction = ModerationAction.Allow;
  holdRequested = false;
  heldId?: string;
  recorded = false;

  constructor(readonly input: CompletionCallInput) {}

  get requestId(): string {
    return this.input.requestId;
  }

  collect(choices: Array<CompletionChoice | StreamChoiceDelta>): void {
    for (const choice of choices) {
      if (choice.text && this.firstTokenAt === undefined) {
        this.firstTokenAt = performance.now();
      }
      const existing = this.choices.get(choice.index) ?? { text: '', finish_reason: null };
      existing.text += choice.text;
      existing.finish_reason = choice.finish_reason ?? existing.finish_reason;
      this.choices.set(choice.index, existing);
    }
  }
}
