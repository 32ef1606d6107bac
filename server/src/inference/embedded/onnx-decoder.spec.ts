/** @jest-environment ./test/support/onnx-environment.js */
import path from 'node:path';
import { REPOSITORY_ROOT } from '../../config/config';
import { BatchScheduler, FinishCause, SchedulerSink, SequenceJob } from './batch-scheduler';
import { ENGINE_TUNING } from './engine-pool';
import { loadModelDirectory, LoadedModel } from './model-loader';
import { OnnxBatchDecoder } from './onnx-decoder';
import { SamplingParams } from './sampler';

const STORIES = path.join(REPOSITORY_ROOT, 'models', 'stories260K');
// karpathy/llama2.c test_all.py expected_stdout (run.c, stories260K, temperature 0, 200 steps)
const LLAMA2C_200 =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park. ' +
  'One day, she saw a big, red ball. She wanted to play with it, but it was too high.\n' +
  "Lily's mom said, \"Lily, let's go to the park.\" Lily was sad and didn't know what to do. " +
  'She said, "I want to play with your ball, but I can\'t find it."\n' +
  "Lily was sad and didn't know what to do. She said, \"I'm sorry, Lily. I didn't know what to do.\"\n" +
  "Lily didn't want to help her mom, so she";

const GREEDY: SamplingParams = {
  temperature: 0,
  topP: 1,
  presencePenalty: 0,
  frequencyPenalty: 0,
  logitBias: [],
  topLogprobs: null,
  wantLogprob: false,
};

/** Runs the real stories260K graph in-process (no worker) through the scheduler. */
class Harness implements SchedulerSink {
  readonly tokens = new Map<number, number[]>();
  readonly causes = new Map<number, FinishCause>();
  readonly scheduler: BatchScheduler;

  constructor(
    readonly decoder: OnnxBatchDecoder,
    model: LoadedModel,
  ) {
    this.scheduler = new BatchScheduler(
      decoder,
      { contextLength: model.spec.contextLength, eosTokenIds: model.spec.eosTokenIds },
      this,
    );
  }

  admitted(): void {}
  prompt(): void {}
  token(id: number, sampled: { token: number }): void {
    this.tokens.set(id, [...(this.tokens.get(id) ?? []), sampled.token]);
  }
  finished(id: number, cause: FinishCause): void {
    this.causes.set(id, cause);
  }
  failed(id: number, message: string): void {
    throw new Error(`sequence ${id} failed: ${message}`);
  }

  async drain(onStep: (steps: number) => void = () => undefined): Promise<void> {
    let steps = 0;
    while (this.scheduler.hasWork()) {
      await this.scheduler.step();
      onStep(++steps);
    }
  }
}

function job(
  id: number,
  promptIds: number[],
  maxTokens: number,
  sampling: SamplingParams = GREEDY,
): SequenceJob {
  return { id, group: `g${id}`, promptIds, maxTokens, sampling, seed: 7, promptLogprobs: null };
}

describe('OnnxBatchDecoder on stories260K', () => {
  let model: LoadedModel;
  let decoder: OnnxBatchDecoder;

  beforeAll(async () => {
    model = loadModelDirectory(STORIES);
    decoder = await OnnxBatchDecoder.load(model.spec, { maxRows: 8, granularity: ENGINE_TUNING.granularity });
  });

  afterAll(async () => {
    await decoder.release();
  });

  it('rewrites the Optimum graph to write its cache in place', () => {
    expect(decoder.mode).toBe('in-place');
  });

  it("reproduces llama2.c's greedy story from BOS", async () => {
    const harness = new Harness(decoder, model);
    harness.scheduler.enqueue([job(1, [1], 200)]);
    await harness.drain();
    const text = model.tokenizer.decode([1, ...harness.tokens.get(1)!]);
    expect(text).toBe(LLAMA2C_200);
    expect(harness.causes.get(1)).toBe('length');
  });

  it('gives every sequence the same greedy tokens alone and in a batch that others join and leave', async () => {
    const prompts = [
      'Once upon a time',
      'Tom and Sue',
      'The cat sat on the mat and',
      'One day, a big dog',
      'Lily',
    ].map((text) => model.tokenizer.encode(text));
    const lengths = [90, 40, 70, 25, 60];
    const alone: number[][] = [];
    for (let i = 0; i < prompts.length; i++) {
      const harness = new Harness(decoder, model);
      harness.scheduler.enqueue([job(i, prompts[i], lengths[i])]);
      await harness.drain();
      alone.push(harness.tokens.get(i)!);
    }
    const batched = new Harness(decoder, model);
    batched.scheduler.enqueue([job(0, prompts[0], lengths[0]), job(1, prompts[1], lengths[1])]);
    await batched.drain((steps) => {
      if (steps === 10) batched.scheduler.enqueue([job(2, prompts[2], lengths[2])]);
      if (steps === 33)
        batched.scheduler.enqueue([job(3, prompts[3], lengths[3]), job(4, prompts[4], lengths[4])]);
    });
    prompts.forEach((_, i) => expect(batched.tokens.get(i)).toEqual(alone[i]));
  });

  it('runs the graph as exported (concat mode) with the same results', async () => {
    const concat = await OnnxBatchDecoder.load(model.spec, {
      maxRows: 4,
      granularity: ENGINE_TUNING.granularity,
      inPlace: false,
    });
    try {
      expect(concat.mode).toBe('concat');
      const prompts = [[1], model.tokenizer.encode('Tom and Sue')];
      const results: number[][][] = [];
      for (const candidate of [decoder, concat]) {
        const harness = new Harness(candidate, model);
        harness.scheduler.enqueue([job(1, prompts[0], 60), job(2, prompts[1], 45)]);
        await harness.drain();
        results.push([harness.tokens.get(1)!, harness.tokens.get(2)!]);
      }
      expect(results[1]).toEqual(results[0]);
    } finally {
      await concat.release();
    }
  });

  it('removes a cancelled sequence at the next step and counts it', async () => {
    const harness = new Harness(decoder, model);
    harness.scheduler.enqueue([job(1, [1], 300), job(2, [1, 403], 300)]);
    await harness.drain((steps) => {
      if (steps === 5) harness.scheduler.cancel([1], true);
    });
    expect(harness.causes.get(1)).toBe('cancelled');
    expect(harness.tokens.get(1)!.length).toBeLessThanOrEqual(6);
    expect(harness.scheduler.stats().cancelledSequences).toBe(1);
    expect(harness.causes.get(2)).not.toBe('cancelled');
  });
});
