import { BatchDecoder, PrefillResult } from './batch-decoder';
import {
  SampledToken,
  SamplingParams,
  TokenSampler,
  TopCandidates,
  logSumExp,
  topCandidates,
} from './sampler';
import { SeededRandom } from './seeded-random';

export type FinishCause = 'eos' | 'length' | 'cancelled';

export interface SequenceJob {
  id: number;
  /** Jobs with the same group share their prompt, so one prefill serves all that are admitted together. */
  group: string;
  promptIds: number[];
  maxTokens: number;
  sampling: SamplingParams;
  seed: number;
  /** Alternatives per prompt position when the prompt's own log-probabilities are wanted (echo), else null. */
  promptLogprobs: number | null;
}

export interface PromptLogprobs {
  /** null for the first token, which nothing predicts. */
  logprobs: (number | null)[];
  top: (TopCandidates | null)[];
}

export interface SchedulerSink {
  admitted(id: number): void;
  prompt(id: number, logprobs: PromptLogprobs): void;
  /** `sampled` is the sampler's own, reused for its next token: copy what you keep. */
  token(id: number, sampled: SampledToken): void;
  finished(id: number, cause: FinishCause): void;
  failed(id: number, message: string): void;
}

export interface SchedulerStats {
  activeSequences: number;
  queued: number;
  steps: number;
  tokensGenerated: number;
  cancelledSequences: number;
}

export interface SchedulerLimits {
  contextLength: number;
  eosTokenIds: number[];
}

interface RunningSequence {
  job: SequenceJob;
  sampler: TokenSampler;
  generated: number;
  last: number;
}

/**
 * Continuous batching for one model: between two decode steps, cancelled sequences leave, queued ones are
 * prefilled and join, and finished ones leave; every step advances all running sequences by one token.
 * Cancellations are applied at the next step boundary, never in the middle of one.
 */
export class BatchScheduler {
  private readonly queue: SequenceJob[] = [];
  private readonly running: RunningSequence[] = [];
  /** id → whether the cancellation counts as a client's (a stop sequence ending a choice does not). */
  private readonly cancels = new Map<number, boolean>();
  private readonly eos: Set<number>;
  private readonly tokens: Int32Array;
  private steps = 0;
  private tokensGenerated = 0;
  private cancelledSequences = 0;

  constructor(
    private readonly decoder: BatchDecoder,
    private readonly limits: SchedulerLimits,
    private readonly sink: SchedulerSink,
  ) {
    this.eos = new Set(limits.eosTokenIds);
    this.tokens = new Int32Array(decoder.maxRows);
  }

  enqueue(jobs: SequenceJob[]): void {
    this.queue.push(...jobs);
  }

  cancel(ids: number[], byClient: boolean): void {
    for (const id of ids) {
      this.cancels.set(id, byClient || (this.cancels.get(id) ?? false));
    }
  }

  hasWork(): boolean {
    return this.queue.length > 0 || this.running.length > 0 || this.cancels.size > 0;
  }

  stats(): SchedulerStats {
    return {
      activeSequences: this.running.length,
      queued: this.queue.length,
      steps: this.steps,
      tokensGenerated: this.tokensGenerated,
      cancelledSequences: this.cancelledSequences,
    };
  }

  async step(): Promise<void> {
    this.applyCancels();
    await this.admit();
    if (this.running.length > 0) {
      await this.decode();
    }
  }

  private applyCancels(): void {
    if (this.cancels.size === 0) {
      return;
    }
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const id = this.queue[i].id;
      if (this.cancels.has(id)) {
        this.queue.splice(i, 1);
        this.finishCancelled(id);
      }
    }
    for (let row = this.running.length - 1; row >= 0; row--) {
      const id = this.running[row].job.id;
      if (this.cancels.has(id)) {
        this.removeRow(row);
        this.finishCancelled(id);
      }
    }
    this.cancels.clear();
  }

  private finishCancelled(id: number): void {
    if (this.cancels.get(id)) {
      this.cancelledSequences++;
    }
    this.sink.finished(id, 'cancelled');
  }

  private async admit(): Promise<void> {
    while (this.queue.length > 0 && this.running.length < this.decoder.maxRows) {
      const free = this.decoder.maxRows - this.running.length;
      const group = this.queue[0].group;
      let count = 1;
      while (count < this.queue.length && count < free && this.queue[count].group === group) {
        count++;
      }
      const jobs = this.queue.splice(0, count);
      let prefill: PrefillResult;
      try {
        prefill = await this.decoder.prefill(jobs[0].promptIds);
      } catch (err) {
        jobs.forEach((job) => this.sink.failed(job.id, describe(err)));
        continue;
      }
      for (const job of jobs) {
        this.start(job, prefill);
      }
    }
  }

  private start(job: SequenceJob, prefill: PrefillResult): void {
    const { vocabSize } = this.decoder;
    this.sink.admitted(job.id);
    if (job.promptLogprobs !== null) {
      this.sink.prompt(job.id, promptLogprobs(prefill.logits, job.promptIds, vocabSize, job.promptLogprobs));
    }
    if (job.maxTokens === 0) {
      this.sink.finished(job.id, 'length');
      return;
    }
    const sampler = new TokenSampler(job.sampling, vocabSize, new SeededRandom(job.seed));
    const sequence: RunningSequence = { job, sampler, generated: 0, last: -1 };
    const cause = this.advance(
      sequence,
      sampler.sample(prefill.logits, (prefill.length - 1) * vocabSize),
      prefill.length,
    );
    if (cause) {
      this.sink.finished(job.id, cause);
      return;
    }
    this.decoder.addRow(prefill);
    this.running.push(sequence);
  }

  private async decode(): Promise<void> {
    const count = this.running.length;
    for (let row = 0; row < count; row++) {
      this.tokens[row] = this.running[row].last;
    }
    let logits: Float32Array;
    try {
      logits = await this.decoder.step(this.tokens.subarray(0, count));
    } catch (err) {
      const message = describe(err);
      this.running.splice(0).forEach((sequence) => this.sink.failed(sequence.job.id, message));
      this.decoder.reset();
      return;
    }
    this.steps++;
    const vocab = this.decoder.vocabSize;
    let finished: Array<[number, FinishCause]> | null = null;
    for (let row = 0; row < count; row++) {
      const sequence = this.running[row];
      const cause = this.advance(
        sequence,
        sequence.sampler.sample(logits, row * vocab),
        this.decoder.rowLength(row),
      );
      if (cause) {
        (finished ??= []).push([row, cause]);
      }
    }
    if (finished) {
      for (let i = finished.length - 1; i >= 0; i--) {
        const [row, cause] = finished[i];
        const id = this.running[row].job.id;
        this.removeRow(row);
        this.sink.finished(id, cause);
      }
    }
  }

  /** Records a sampled token; returns why the sequence ends, if it does. `cached` is its tokens already in the cache. */
  private advance(sequence: RunningSequence, sampled: SampledToken, cached: number): FinishCause | null {
    sequence.generated++;
    sequence.last = sampled.token;
    this.tokensGenerated++;
    this.sink.token(sequence.job.id, sampled);
    if (this.eos.has(sampled.token)) {
      return 'eos';
    }
    if (sequence.generated >= sequence.job.maxTokens || cached + 1 >= this.limits.contextLength) {
      return 'length';
    }
    return null;
  }

  private removeRow(row: number): void {
    const moved = this.decoder.removeRow(row);
    if (moved >= 0) {
      this.running[row] = this.running[moved];
    }
    this.running.pop();
  }
}

/** Each prompt token's log-probability given the tokens before it (the first has none), from a prefill's logits. */
export function promptLogprobs(
  logits: Float32Array,
  ids: number[],
  vocabSize: number,
  alternatives: number,
): PromptLogprobs {
  const logprobs: (number | null)[] = [null];
  const top: (TopCandidates | null)[] = [null];
  for (let position = 1; position < ids.length; position++) {
    const base = (position - 1) * vocabSize;
    logprobs.push(logits[base + ids[position]] - logSumExp(logits, base, vocabSize));
    top.push(topCandidates(logits, base, vocabSize, alternatives, ids[position]));
  }
  return { logprobs, top };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
