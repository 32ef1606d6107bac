import { Logger } from 'pino';
import { GenerationRequest, GenerationResult, ModelProvider } from '../inference/model-provider';
import { ModelRegistry } from '../inference/model-registry';
import { BiasRunEntity } from './bias-run.entity';
import { BiasRunner, TextClassifier } from './bias-runner';
import { BiasRepository } from './bias.repository';
import { BiasReport, BiasRunStatus, ProbeResult, ProbeSetName } from './bias.types';
import { ProbeCatalog, ProbeData } from './probe-catalog';

const DATA: ProbeData = {
  bold: {
    domains: [
      {
        domain: 'gender',
        groups: [
          {
            group: 'actors',
            prompts: [
              { page: 'A', text: 'A is an actor ' },
              { page: 'B', text: 'B is an actor ' },
            ],
          },
          {
            group: 'actresses',
            prompts: [
              { page: 'C', text: 'C is an actress ' },
              { page: 'D', text: 'D is an actress ' },
            ],
          },
        ],
      },
    ],
  },
  holisticBias: { templates: [], nouns: [], axes: [] },
  stereoSet: {
    domains: [
      {
        domain: 'gender',
        items: [
          {
            id: 'x1',
            target: 't',
            context: 'c',
            stereotype: 'He is strong.',
            antiStereotype: 'He is weak.',
            unrelated: 'He is blue.',
          },
        ],
      },
    ],
  },
};

/** The repository's contract, in memory. */
class FakeRepository {
  results = new Map<string, ProbeResult>();
  report: BiasReport | null = null;
  failures: string[] = [];

  constructor(public run: BiasRunEntity) {}

  findById = async () => this.run;
  start = async (_id: string, total: number) => {
    if (this.run.status === BiasRunStatus.Completed || this.run.status === BiasRunStatus.Failed) return null;
    this.run = {
      ...this.run,
      status: BiasRunStatus.Running,
      progressTotal: total,
      attempts: this.run.attempts + 1,
    };
    return this.run;
  };
  resultsFor = async () => new Map(this.results);
  saveResults = async (_id: string, entries: Array<{ probeId: string; result: ProbeResult }>) => {
    entries.forEach(({ probeId, result }) => this.results.set(probeId, result));
    return this.results.size;
  };
  complete = async (_id: string, report: BiasReport) => {
    this.report = report;
    this.run = { ...this.run, status: BiasRunStatus.Completed };
  };
  fail = async (_id: string, error: string) => void this.failures.push(`fail: ${error}`);
  requeue = async (_id: string, error: string) => void this.failures.push(`requeue: ${error}`);
}

/** Continues every prompt with its seed, so reproducibility is visible in the text; echoes with fixed log-probs. */
class FakeModel implements ModelProvider {
  readonly name = 'fake';
  readonly requests: GenerationRequest[] = [];

  models() {
    return [{ id: 'fake-model', ownedBy: 'test', created: 0 }];
  }

  async complete(request: GenerationRequest): Promise<GenerationResult> {
    this.requests.push(request);
    const prompts = Array.isArray(request.prompt) ? (request.prompt as string[]) : [request.prompt as string];
    const choices = prompts.map((prompt, index) => ({
      index,
      text: request.echo ? prompt : ` a happy story ${request.seed}`,
      finish_reason: 'length' as const,
      logprobs: request.echo
        ? {
            tokens: [prompt],
            token_logprobs: [prompt.includes('strong') ? -1 : prompt.includes('weak') ? -2 : -3],
            top_logprobs: [null],
            text_offset: [0],
          }
        : null,
    }));
    return { choices, usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } };
  }

  async *stream(): AsyncIterable<never> {
    throw new Error('not used');
  }
}

function runEntity(overrides: Partial<BiasRunEntity> = {}): BiasRunEntity {
  return {
    id: 'run-1',
    status: BiasRunStatus.Queued,
    model: 'fake-model',
    applicationId: null,
    promptTemplate: null,
    probeSets: [ProbeSetName.Bold, ProbeSetName.StereoSet],
    seed: 5,
    sampleLimit: null,
    progressDone: 0,
    progressTotal: 0,
    attempts: 0,
    createdBy: null,
    createdAt: new Date(0),
    startedAt: null,
    finishedAt: null,
    report: null,
    error: null,
    ...overrides,
  };
}

function setup(run = runEntity()) {
  const repository = new FakeRepository(run);
  const model = new FakeModel();
  const registry = new ModelRegistry();
  registry.register(model);
  const classifier: TextClassifier = {
    labels: ['hate', null],
    classify: async (texts: string[]) => texts.map(() => ({ scores: [0.25, 0.9], unread: 0 })),
  };
  const catalog = new ProbeCatalog('/nowhere');
  jest.spyOn(catalog, 'load').mockReturnValue(DATA);
  const logger = { info: jest.fn(), warn: jest.fn() } as unknown as Logger;
  const runner = new BiasRunner(
    { ...repository, results: repository.resultsFor } as unknown as BiasRepository,
    catalog,
    registry,
    classifier,
    logger,
  );
  const progress: Array<[number, number]> = [];
  const observer = { progressed: async (done: number, total: number) => void progress.push([done, total]) };
  return { repository, model, runner, progress, observer };
}

describe('bias runner', () => {
  it('scores every probe with a per-probe seed, reports progress and writes the report', async () => {
    const { repository, model, runner, progress, observer } = setup();
    expect(await runner.run('run-1', observer, new AbortController().signal)).toBe('completed');
    expect(progress).toEqual([
      [0, 5],
      [5, 5],
    ]);
    const continuations = model.requests.filter((request) => !request.echo);
    expect(continuations).toHaveLength(4);
    expect(new Set(continuations.map((request) => request.seed)).size).toBe(4);
    expect(continuations.every((request) => request.temperature === 0.7 && request.maxTokens === 32)).toBe(
      true,
    );
    expect(repository.results.get('bold:gender:actors:0')).toMatchObject({
      kind: 'continuation',
      toxicity: 0.25,
      refusal: false,
    });
    expect(repository.results.get('stereoset:gender:x1')).toEqual({
      kind: 'likelihood',
      stereotype: -1,
      antiStereotype: -2,
      unrelated: -3,
    });
    expect(repository.report?.stereoset[0].stereotypeScore.mean).toBe(100);
    expect(repository.report?.parameters).toEqual({
      model: 'fake-model',
      promptTemplate: null,
      probeSets: ['bold', 'stereoset'],
      seed: 5,
      limit: null,
    });
  });

  it('resumes from checkpoints after a redelivery, to the same report', async () => {
    const fresh = setup();
    await fresh.runner.run('run-1', fresh.observer, new AbortController().signal);

    const resumed = setup(runEntity({ status: BiasRunStatus.Running, attempts: 1 }));
    resumed.repository.results.set(
      'bold:gender:actors:0',
      fresh.repository.results.get('bold:gender:actors:0')!,
    );
    resumed.repository.results.set(
      'stereoset:gender:x1',
      fresh.repository.results.get('stereoset:gender:x1')!,
    );
    await resumed.runner.run('run-1', resumed.observer, new AbortController().signal);
    expect(resumed.model.requests).toHaveLength(3);
    expect(resumed.progress[0]).toEqual([2, 5]);
    expect(resumed.repository.run.attempts).toBe(2);
    expect(resumed.repository.report).toEqual(fresh.repository.report);
  });

  it('does nothing for a run that is already settled', async () => {
    const { model, runner, observer } = setup(runEntity({ status: BiasRunStatus.Completed }));
    expect(await runner.run('run-1', observer, new AbortController().signal)).toBe('skipped');
    expect(model.requests).toHaveLength(0);
  });

  it('stops between chunks once aborted', async () => {
    const { runner, observer, repository } = setup();
    const controller = new AbortController();
    controller.abort(new Error('too slow'));
    await expect(runner.run('run-1', observer, controller.signal)).rejects.toThrow('too slow');
    expect(repository.report).toBeNull();
  });

  it('applies the prompt template to continuations and scores only the probe inside it', async () => {
    const { model, runner, observer, repository } = setup(runEntity({ promptTemplate: 'Q: {prompt}\nA:' }));
    await runner.run('run-1', observer, new AbortController().signal);
    expect(model.requests.find((request) => !request.echo)?.prompt).toBe('Q: A is an actor \nA:');
    expect(model.requests.find((request) => request.echo)?.prompt).toEqual([
      'Q: He is strong.\nA:',
      'Q: He is weak.\nA:',
      'Q: He is blue.\nA:',
    ]);
    expect(repository.results.get('stereoset:gender:x1')).toMatchObject({ stereotype: -1 });
  });
});
