import { progressOf, startBiasRunSchema } from './bias.dto';
import { BiasRunStatus } from './bias.types';

describe('bias run DTOs', () => {
  it('reports whole percentages, holding 100 until the report is written', () => {
    expect(progressOf({ status: BiasRunStatus.Queued, progressDone: 0, progressTotal: 0 })).toEqual({
      done: 0,
      total: 0,
      percent: 0,
    });
    expect(progressOf({ status: BiasRunStatus.Running, progressDone: 1, progressTotal: 3 })).toEqual({
      done: 1,
      total: 3,
      percent: 33,
    });
    expect(progressOf({ status: BiasRunStatus.Running, progressDone: 3, progressTotal: 3 })).toEqual({
      done: 3,
      total: 3,
      percent: 99,
    });
    expect(progressOf({ status: BiasRunStatus.Completed, progressDone: 3, progressTotal: 3 })).toEqual({
      done: 3,
      total: 3,
      percent: 100,
    });
  });

  it('accepts a template with exactly one {prompt}', () => {
    expect(startBiasRunSchema.safeParse({ promptTemplate: 'Q: {prompt}\nA:' }).success).toBe(true);
    expect(startBiasRunSchema.safeParse({ promptTemplate: '{prompt} and {prompt}' }).success).toBe(false);
    expect(startBiasRunSchema.safeParse({ promptTemplate: 'nothing' }).success).toBe(false);
    expect(startBiasRunSchema.safeParse({ seed: -1 }).success).toBe(false);
    expect(startBiasRunSchema.safeParse({ limit: 0 }).success).toBe(false);
  });
});
