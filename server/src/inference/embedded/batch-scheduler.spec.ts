import { BatchDecoder, PrefillResult } from './batch-decoder';
import { BatchScheduler, FinishCause, PromptLogprobs, SchedulerSink, SequenceJob } from './batch-scheduler';
import { SamplingParams } from './sampler';

const VOCAB = 10;
const EOS = 0;

/** A scripted model: after token t it predicts t + 1, wrapping 9 → 0 (end of text). */
class CountingDecoder implements BatchDecoder {
  readonly vocabSize = VOCAB;
  prefills = 0;
  widestStep = 0;
  failNextStep = false;
  private lengths: number[] = [];

  constructor(readonly maxRows: number) {}

  get rows(): number {
    return this.lengths.length;
  }

  rowLength(row: number): number {
    return this.lengths[row];
  }

  async prefill(ids: number[]): Promise<PrefillResult> {
    this.prefills++;
    const logits = new Float32Array(ids.length * VOCAB);
    ids.forEach((id, position) => (logits[position * VOCAB + ((id + 1) % VOCAB)] = 5));
    return { logits, length: ids.length, blocks: [] };
  }

  addRow(prefill: PrefillResult): number {
    this.lengths.push(prefill.length);
    return this.lengths.length - 1;
  }

  removeRow(row: number): number {
    const last = this.lengths.length - 1;
    this.lengths[row] = this.lengths[last];
    this.lengths.pop();
    return row === last ? -1 : last;
  }

  async step(tokens: Int32Array): Promise<Float32Array> {
    if (this.failNextStep) {
      this.failNextStep = false;
      throw new Error('kernel exploded');
    }
    this.widestStep = Math.max(this.widestStep, tokens.length);
    const logits = new Float32Array(tokens.length * VOCAB);
    tokens.forEach((token, row) => {
      logits[row * VOCAB + ((token + 1) % VOCAB)] = 5;
      this.lengths[row]++;
    });
    return logits;
  }

  reset(): void {
    this.lengths = [];
  }
}

class RecordingSink implements SchedulerSink {
  readonly events: string[] = [];
  readonly tokens = new Map<number, number[]>();
  readonly causes = new Map<number, FinishCause>();
  readonly prompts = new Map<number, PromptLogprobs>();

  admitted(id: number): void {
    this.events.push(`admit ${id}`);
  }
  prompt(id: number, logprobs: PromptLogprobs): void {
    this.prompts.set(id, logprobs);
  }
  token(id: number, sampled: { token: number }): void {
    this.tokens.set(id, [...(this.tokens.get(id) ?? []), sampled.token]);
  }
  finished(id: number, cause: FinishCause): void {
    this.causes.set(id, cause);
    this.events.push(`finish ${id} ${cause}`);
  }
  failed(id: number, message: string): void {
    this.events.push(`fail ${id} ${message}`);
  }
}

const GREEDY: SamplingParams = {
  temperature: 0,
  topP: 1,
  presencePenalty: 0,
  frequencyPenalty: 0,
  logitBias: [],
  topLogprobs: null,
  wantLogprob: false,
};

function job(
  id: number,
  promptIds: number[],
  maxTokens: number,
  extra: Partial<SequenceJob> = {},
): SequenceJob {
  return {
    id,
    group: `g${id}`,
    promptIds,
    maxTokens,
    sampling: GREEDY,
    seed: 1,
    promptLogprobs: null,
    ...extra,
  };
}

async function drain(
  scheduler: BatchScheduler,
  onStep: (step: number) => void = () => undefined,
): Promise<void> {
  for (let step = 1; scheduler.hasWork(); step++) {
    await scheduler.step();
    onStep(step);
  }
}

describe('BatchScheduler', () => {
  it('runs at most maxBatch sequences at once and admits waiting ones as others leave', async () => {
    const decoder = new CountingDecoder(2);
    const sink = new RecordingSink();
    const scheduler = new BatchScheduler(decoder, { contextLength: 100, eosTokenIds: [EOS] }, sink);
    scheduler.enqueue([job(1, [1], 3), job(2, [1], 6), job(3, [1], 2)]);
    const queued: number[] = [];
    await drain(scheduler, () => queued.push(scheduler.stats().queued));
    expect(decoder.widestStep).toBe(2);
    expect(queued[0]).toBe(1);
    expect(sink.tokens.get(1)).toEqual([2, 3, 4]);
    expect(sink.tokens.get(2)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(sink.tokens.get(3)).toEqual([2, 3]);
    expect(sink.events.indexOf('admit 3')).toBeGreaterThan(sink.events.indexOf('finish 1 length'));
    expect(scheduler.stats()).toMatchObject({
      activeSequences: 0,
      queued: 0,
      tokensGenerated: 11,
      cancelledSequences: 0,
    });
  });

  it('prefills a prompt once for all its candidates', async () => {
    const decoder = new CountingDecoder(8);
    const scheduler = new BatchScheduler(
      decoder,
      { contextLength: 100, eosTokenIds: [EOS] },
      new RecordingSink(),
    );
    scheduler.enqueue([1, 2, 3].map((id) => job(id, [4, 5], 2, { group: 'same' })));
    await drain(scheduler);
    expect(decoder.prefills).toBe(1);
  });

  it('ends a sequence at its end-of-text token', async () => {
    const sink = new RecordingSink();
    const scheduler = new BatchScheduler(
      new CountingDecoder(4),
      { contextLength: 100, eosTokenIds: [EOS] },
      sink,
    );
    scheduler.enqueue([job(1, [7], 10)]);
    await drain(scheduler);
    expect(sink.tokens.get(1)).toEqual([8, 9, 0]);
    expect(sink.causes.get(1)).toBe('eos');
  });

  it('stops at the context length', async () => {
    const sink = new RecordingSink();
    const scheduler = new BatchScheduler(new CountingDecoder(4), { contextLength: 5, eosTokenIds: [] }, sink);
    scheduler.enqueue([job(1, [1, 1, 1], 10)]);
    await drain(scheduler);
    expect(sink.tokens.get(1)).toHaveLength(2);
    expect(sink.causes.get(1)).toBe('length');
  });

  it('answers max_tokens 0 with the prompt log-probabilities alone', async () => {
    const sink = new RecordingSink();
    const scheduler = new BatchScheduler(
      new CountingDecoder(4),
      { contextLength: 100, eosTokenIds: [EOS] },
      sink,
    );
    scheduler.enqueue([job(1, [3, 4, 6], 0, { promptLogprobs: 1 })]);
    await drain(scheduler);
    const prompt = sink.prompts.get(1)!;
    expect(prompt.logprobs[0]).toBeNull();
    expect(prompt.logprobs[1]).toBeCloseTo(Math.log(Math.exp(5) / (Math.exp(5) + 9)), 5);
    expect(prompt.logprobs[2]).toBeLessThan(-5);
    expect(prompt.top[2]!.ids).toEqual([5, 6]);
    expect(sink.tokens.has(1)).toBe(false);
    expect(sink.causes.get(1)).toBe('length');
  });

  it('drops cancelled sequences at the next step, queued or running, counting only client cancellations', async () => {
    const sink = new RecordingSink();
    const scheduler = new BatchScheduler(
      new CountingDecoder(1),
      { contextLength: 100, eosTokenIds: [] },
      sink,
    );
    scheduler.enqueue([job(1, [1], 50), job(2, [1], 50), job(3, [1], 50)]);
    await drain(scheduler, (step) => {
      if (step === 3) {
        scheduler.cancel([1, 2], true);
        scheduler.cancel([3], false);
      }
    });
    expect(sink.tokens.get(1)).toHaveLength(4);
    expect(sink.tokens.has(2)).toBe(false);
    expect([1, 2, 3].map((id) => sink.causes.get(id))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(scheduler.stats()).toMatchObject({ cancelledSequences: 2, activeSequences: 0, queued: 0 });
  });

  it('fails the running sequences when a step fails, and keeps serving', async () => {
    const decoder = new CountingDecoder(2);
    const sink = new RecordingSink();
    const scheduler = new BatchScheduler(decoder, { contextLength: 100, eosTokenIds: [] }, sink);
    decoder.failNextStep = true;
    scheduler.enqueue([job(1, [1], 5)]);
    await drain(scheduler);
    expect(sink.events).toContain('fail 1 kernel exploded');
    scheduler.enqueue([job(2, [1], 2)]);
    await drain(scheduler);
    expect(sink.causes.get(2)).toBe('length');
  });
});
