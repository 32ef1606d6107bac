import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { CompletionChoice, StreamChoiceDelta, Usage } from '../inference/model-provider';
import { NormalizedCompletionRequest } from './completions.dto';

export interface CompletionCallInput {
  requestId: string;
  authorization: string | undefined;
  body: unknown;
  clientIp: string | null;
  signal: AbortSignal;
}

/** Everything one `/v1/completions` call learns on its way through the stages; the record stage logs it. */
export class CompletionCall {
  readonly startedAt = performance.now();
  readonly createdAt = new Date();
  key?: ApiKeyEntity;
  application?: ApplicationEntity;
  request?: NormalizedCompletionRequest;
  endUser: string | null = null;
  choices: Map<number, { text: string; finish_reason: CompletionChoice['finish_reason'] | null }> = new Map();
  usage?: Usage;
  firstTokenAt?: number;
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
