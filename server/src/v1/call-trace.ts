import {
  ChatMessage,
  CompletionLogprobs,
  FinishReason,
  PromptInput,
  Usage,
} from '../inference/model-provider';
import { AppliedVerdict } from '../moderation/moderation.service';
import { Caller } from './caller';
import { ForwardedField } from './completion-input';

/** How a /v1 request reached Warden: set by the controller from the transport. */
export interface V1RequestContext {
  /** Minted by the server; never the client's. */
  requestId: string;
  /** The client's own `x-client-request-id` (or `x-request-id`), kept for correlation only. */
  clientRequestId: string | null;
  authorization: string | undefined;
  body: unknown;
  clientIp: string | null;
  signal: AbortSignal;
}

export interface TracedChoice {
  text: string;
  finish_reason: FinishReason | null;
  logprobs?: CompletionLogprobs | null;
}

/**
 * What one /v1 call has been seen to do, for its request-log record and metrics. Stages never read it: they
 * pass typed values to each other; the route writes here what it learns, and the record stage reads it once.
 */
export class CallTrace {
  readonly startedAt = performance.now();
  readonly createdAt = new Date();
  caller?: Caller;
  model: string | null = null;
  /** The model resolved to one Warden serves: only then may its name label metrics (clients choose `model`). */
  modelServed = false;
  prompt: PromptInput | null = null;
  suffix: string | null = null;
  /** A chat's messages: logged in place of the prompt rendered from them. */
  messages: ChatMessage[] | null = null;
  /** A chat's other fields that reach the model, each as the one text it was moderated as. */
  forwarded: ForwardedField[] = [];
  endUser: string | null = null;
  stream = false;
  readonly choices = new Map<number, TracedChoice>();
  readonly verdicts: AppliedVerdict[] = [];
  usage?: Usage;
  firstTokenAt?: number;
  heldId?: string;

  constructor(
    readonly endpoint: string,
    readonly context: V1RequestContext,
  ) {}

  /** Generated text as the model produced it, before output moderation. */
  collect(choices: Array<{ index: number; text: string; finish_reason: FinishReason | null }>): void {
    for (const choice of choices) {
      if (choice.text && this.firstTokenAt === undefined) this.firstTokenAt = performance.now();
      const existing = this.choices.get(choice.index) ?? { text: '', finish_reason: null };
      existing.text += choice.text;
      existing.finish_reason = choice.finish_reason ?? existing.finish_reason;
      this.choices.set(choice.index, existing);
    }
  }

  /** Verdicts of a stage, appended one by one: a call of many prompts or choices has too many to spread as arguments. */
  judged(verdicts: readonly AppliedVerdict[]): void {
    for (const verdict of verdicts) this.verdicts.push(verdict);
  }

  /** What Warden did to a choice in the end (a block overrides the model's own finish reason). */
  finish(index: number, reason: FinishReason): void {
    const choice = this.choices.get(index);
    if (choice) choice.finish_reason = reason;
  }
}
