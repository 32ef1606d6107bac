import { Inject, Injectable } from '@nestjs/common';
import { ListPage, ListQuery } from '../common/list-query';
import { ApplicationsService } from '../applications/applications.service';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { compareReports } from './bias-compare';
import { ApplicationBiasRunEntity, BiasRunEntity } from './bias-run.entity';
import { BiasRunQueue } from './bias-run.queue';
import { StartBiasRunInput } from './bias.dto';
import { BiasError } from './bias.errors';
import { BiasRepository, BiasRunRow } from './bias.repository';
import { ALL_PROBE_SETS, BiasComparison, BiasRunStatus } from './bias.types';

/** Without a seed, runs are still reproducible: every unseeded run of the same configuration gives the same report. */
export const DEFAULT_SEED = 0;

/** Model ids this deployment serves, from configuration alone (the CLI checks them without loading a model). */
export function servedModels(config: WardenConfig): string[] {
  return [...config.models.embedded, ...Object.keys(config.upstream?.models ?? {})];
}

export function defaultModel(config: WardenConfig): string | undefined {
  return config.models.defaultModel ?? servedModels(config)[0];
}

@Injectable()
export class BiasService {
  constructor(
    private readonly repository: BiasRepository,
    private readonly queue: BiasRunQueue,
    private readonly applications: ApplicationsService,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  /**
   * Records a run and queues it. Applications have no model or prompt template of their own yet, so a run for an
   * application records the application and takes the model and template given with it (or the defaults).
   */
  async start(input: StartBiasRunInput, createdBy: string | null): Promise<BiasRunEntity> {
    if (input.applicationId && !(await this.applications.findById(input.applicationId))) {
      throw BiasError.applicationNotFound(input.applicationId);
    }
    const model = input.model ?? defaultModel(this.config);
    if (!model) {
      throw BiasError.noModel();
    }
    const served = servedModels(this.config);
    if (!served.includes(model)) {
      throw BiasError.unknownModel(model, served);
    }
    const requested = input.probeSets ?? ALL_PROBE_SETS;
    const run = await this.repository.create({
      model,
      applicationId: input.applicationId ?? null,
      promptTemplate: input.promptTemplate ?? null,
      probeSets: ALL_PROBE_SETS.filter((name) => requested.includes(name)),
      seed: input.seed ?? DEFAULT_SEED,
      sampleLimit: input.limit ?? null,
      createdBy,
    });
    try {
      await this.queue.enqueue(run.id);
    } catch (err) {
      await this.repository.fail(
        run.id,
        `could not be queued: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw BiasError.queueUnavailable();
    }
    return run;
  }

  list(query: ListQuery): Promise<ListPage<BiasRunRow>> {
    return this.repository.list(query);
  }

  async get(id: string): Promise<BiasRunEntity> {
    const run = await this.repository.findById(id);
    if (!run) {
      throw BiasError.runNotFound(id);
    }
    return run;
  }

  attachedApplicationIds(runId: string): Promise<string[]> {
    return this.repository.attachedApplicationIds(runId);
  }

  async compare(
    aId: string,
    bId: string,
  ): Promise<{ a: BiasRunEntity; b: BiasRunEntity; comparison: BiasComparison }> {
    const [a, b] = await Promise.all([this.get(aId), this.get(bId)]);
    for (const run of [a, b]) {
      if (run.status !== BiasRunStatus.Completed || !run.report) {
        throw BiasError.notCompleted(run.id, run.status);
      }
    }
    return { a, b, comparison: compareReports(a.report!, b.report!) };
  }

  async attach(
    applicationId: string,
    runId: string,
    attachedBy: string | null,
  ): Promise<ApplicationBiasRunEntity> {
    if (!(await this.applications.findById(applicationId))) {
      throw BiasError.applicationNotFound(applicationId);
    }
    await this.get(runId);
    return this.repository.attach(applicationId, runId, attachedBy);
  }
}
