import {
  CompletionChoice,
  CompletionLogprobs,
  GenerationRequest,
  StreamChoiceDelta,
  Usage,
} from '../model-provider';
import { PromptLogprobs, SequenceJob } from './batch-scheduler';
import { selectBestOf } from './best-of';
import { appendLogprobs, ChoiceBuilder, ChoiceDelta, emptyLogprobs, PromptText } from './choice-builder';
import { EnginePool, SequenceListener } from './engine-pool';
import { LoadedModel } from './model-loader';
import { ModelTokenizer } from './model-tokenizer';
import { SamplingParams } from './sampler';
import { sequenceSeed } from './seeded-random';
import { PreparedRequest } from './completion-request';

interface Candidate {
  promptIndex: number;
  /** Position among its prompt's candidates: the choice index offset under n, the seed stream under best_of. */
  number: number;
  prompt: PromptText;
  builder: ChoiceBuilder;
  jobId: number | null;
}

let runCounter = 0;

/**
 * One completion request on the embedded engine: a candidate per prompt × best_of, each a sequence in the engine,
 * assembled into choices as tokens arrive. Streamed runs queue per-choice deltas; every run ends with its choices
 * (the best n of best_of by mean log-probability) and its usage.
 */
export class CompletionRun {
  private readonly candidates: Candidate[] = [];
  private readonly pending = new Map<number, ChoiceDelta>();
  private readonly eos: Set<number>;
  private failure: Error | null = null;
  private open = 0;
  private waiter: (() => void) | null = null;
  private readonly abortListener = () =>
    this.abort(new DOMException('The client cancelled the completion.', 'AbortError'));

  constructor(
    private readonly model: LoadedModel,
    private readonly pool: EnginePool,
    private readonly request: GenerationRequest,
    private readonly prepared: PreparedRequest,
    private readonly streaming: boolean,
  ) {
    this.eos = new Set(model.spec.eosTokenIds);
  }

  get done(): boolean {
    return this.open === 0 || this.failure !== null;
  }

  /** Submits every sequence; throws when the engine's queue is full. */
  start(): void {
    const { request, prepared, model } = this;
    if (request.signal.aborted) {
      throw new DOMException('The client cancelled the completion.', 'AbortError');
    }
    const group = `run${++runCounter}`;
    const jobs: SequenceJob[] = [];
    const listeners: SequenceListener[] = [];
    const sampling: SamplingParams = {
      temperature: request.temperature,
      topP: request.topP,
      presencePenalty: request.presencePenalty,
      frequencyPenalty: request.frequencyPenalty,
      logitBias: prepared.logitBias,
      topLogprobs: request.logprobs,
      wantLogprob: request.bestOf > request.n,
    };
    const wantPromptLogprobs = request.echo && request.logprobs !== null;
    prepared.prompts.forEach((ids, promptIndex) => {
      const prompt = describePrompt(ids, model.tokenizer);
      for (let number = 0; number < request.bestOf; number++) {
        const candidate: Candidate = {
          promptIndex,
          number,
          prompt,
          builder: new ChoiceBuilder({
            prompt,
            decoder: model.tokenizer.streamDecoder(ids),
            tokenText: (id) => model.tokenizer.tokenText(id),
            stop: request.stop,
            logprobs: request.logprobs,
            eosTokenIds: this.eos,
          }),
          jobId: null,
        };
        this.candidates.push(candidate);
        if (request.echo && !wantPromptLogprobs) {
          this.emit(candidate, candidate.builder.echo(null));
        }
        if (request.maxTokens === 0 && !wantPromptLogprobs) {
          this.emit(candidate, candidate.builder.finish('length'));
          continue;
        }
        this.open++;
        candidate.jobId = this.pool.allocateIds(1)[0];
        jobs.push({
          id: candidate.jobId,
          group: `${group}:${promptIndex}`,
          promptIds: ids,
          maxTokens: request.maxTokens,
          sampling,
          seed: sequenceSeed(request.seed, number),
          promptLogprobs: wantPromptLogprobs ? request.logprobs : null,
        });
        listeners.push(this.listener(candidate));
      }
    });
    if (jobs.length > 0) {
      this.pool.submit(model.spec.id, jobs, listeners);
      request.signal.addEventListener('abort', this.abortListener, { once: true });
    }
  }

  /** Deltas since the last call, one per choice, in index order; resolves when there are some or the run ended. */
  async next(): Promise<StreamChoiceDelta[]> {
    while (this.pending.size === 0 && !this.done) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    if (this.failure) {
      throw this.failure;
    }
    const deltas = [...this.pending.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, delta]) => ({
        index,
        text: delta.text,
        finish_reason: delta.finishReason,
        logprobs: delta.logprobs,
      }));
    this.pending.clear();
    return deltas;
  }

  async finished(): Promise<void> {
    while (!this.done) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    if (this.failure) {
      throw this.failure;
    }
  }

  choices(): CompletionChoice[] {
    const { n, bestOf, echo } = this.request;
    const choices: CompletionChoice[] = [];
    for (let promptIndex = 0; promptIndex < this.prepared.prompts.length; promptIndex++) {
      const own = this.candidates.filter((candidate) => candidate.promptIndex === promptIndex);
      const kept =
        bestOf > n
          ? selectBestOf(
              own.map((candidate) => ({ candidate, meanLogprob: candidate.builder.meanLogprob })),
              n,
            ).map((entry) => entry.candidate)
          : own;
      kept.forEach(({ builder, prompt }, rank) => {
        choices.push({
          index: promptIndex * n + rank,
          text: (echo ? prompt.text : '') + builder.generatedText,
          finish_reason: builder.finishReason ?? 'length',
          logprobs: builder.logprobs,
        });
      });
    }
    return choices;
  }

  usage(): Usage {
    const prompt = this.prepared.prompts.reduce((sum, ids) => sum + ids.length, 0);
    const completion = this.candidates.reduce((sum, candidate) => sum + candidate.builder.tokensConsumed, 0);
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  }

  /** Stops whatever is still generating because the client went away (counted as cancelled by the client). */
  abort(reason: Error): void {
    this.cancelLive(true);
    this.fail(reason);
  }

  /** Ends the run; sequences still generating are stopped, as the client's doing unless the engine failed first. */
  dispose(): void {
    this.request.signal.removeEventListener('abort', this.abortListener);
    this.cancelLive(this.failure === null || this.request.signal.aborted);
    if (!this.done) {
      this.fail(new DOMException('The completion was abandoned.', 'AbortError'));
    }
  }

  private cancelLive(byClient: boolean): void {
    const live = this.candidates
      .filter((candidate) => candidate.jobId !== null && !candidate.builder.ended)
      .map((candidate) => candidate.jobId!);
    if (live.length > 0) {
      this.pool.cancel(live, byClient);
    }
  }

  private listener(candidate: Candidate): SequenceListener {
    const { builder } = candidate;
    return {
      admitted: () => undefined,
      prompt: (logprobs: PromptLogprobs) => {
        if (this.request.echo) {
          this.emit(candidate, builder.echo(logprobs));
        }
      },
      token: (token, logprob, top) => {
        if (builder.ended) {
          // Tokens generated between a stop sequence and the engine acting on its cancellation.
          return;
        }
        const delta = builder.token(token, logprob, top);
        if (delta) {
          this.emit(candidate, delta);
        }
        if (builder.stopped) {
          this.pool.cancel([candidate.jobId!], false);
          this.close();
        }
      },
      finished: (cause) => {
        if (!builder.ended) {
          this.emit(candidate, builder.finish(cause));
          this.close();
        }
      },
      failed: (error) => this.fail(error),
    };
  }

  private emit(candidate: Candidate, delta: ChoiceDelta): void {
    if (
      !this.streaming ||
      (delta.text === '' &&
        delta.finishReason === null &&
        (delta.logprobs === null || delta.logprobs.tokens.length === 0))
    ) {
      return;
    }
    const index = candidate.promptIndex * this.request.n + candidate.number;
    const previous = this.pending.get(index);
    this.pending.set(index, previous ? mergeDeltas(previous, delta) : delta);
    this.wake();
  }

  private close(): void {
    this.open--;
    this.wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}

function mergeDeltas(a: ChoiceDelta, b: ChoiceDelta): ChoiceDelta {
  let logprobs: CompletionLogprobs | null = a.logprobs;
  if (b.logprobs) {
    logprobs = emptyLogprobs();
    if (a.logprobs) {
      appendLogprobs(logprobs, a.logprobs);
    }
    appendLogprobs(logprobs, b.logprobs);
  }
  return { text: a.text + b.text, logprobs, finishReason: b.finishReason ?? a.finishReason };
}

/** The prompt's text and per-token pieces, decoded the way the continuation will be. */
export function describePrompt(ids: number[], tokenizer: ModelTokenizer): PromptText {
  const decoder = tokenizer.streamDecoder([]);
  const tokens: string[] = [];
  const offsets: number[] = [];
  let text = '';
  for (const id of ids) {
    const piece = decoder.push(id);
    offsets.push(text.length);
    tokens.push(piece || tokenizer.tokenText(id));
    text += piece;
  }
  return { ids, text: text + decoder.finish(), tokens, offsets };
}
