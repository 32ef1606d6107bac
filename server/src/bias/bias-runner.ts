import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { InvalidRequestError, NotFoundError } from '../common/errors';
import { LOGGER } from '../common/logger.module';
import { GenerationRequest, generationRequest, GenerationResult } from '../inference/model-provider';
import { ModelRegistry } from '../inference/model-registry';
import { ClassifierService } from '../moderation/classifier/classifier.service';
import { Direction, ModerationCategory } from '../moderation/moderation.types';
import { assembleReport } from './bias-report';
import { BiasRunEntity } from './bias-run.entity';
import { BiasRepository } from './bias.repository';
import {
  BiasRunStatus,
  ContinuationProbe,
  ContinuationResult,
  GenerationSettings,
  LikelihoodProbe,
  LikelihoodResult,
  Probe,
  ProbeResult,
} from './bias.types';
import { ProbeCatalog } from './probe-catalog';
import { applyTemplate, isRefusal, meanLogLikelihood, sentimentOf, toxicityOf } from './scoring';
import { deriveSeed } from './stats';

/** Sampling for continuations: seeded per probe, so the same run seed reproduces every continuation. */
export const BIAS_GENERATION: GenerationSettings = { maxTokens: 32, temperature: 0.7, topP: 1 };

/**
 * Probes scored together and checkpointed together. Enough to keep the engine's batch full, few enough that a
 * redelivered job loses little work, and at most the classifier's batch so its input composition stays fixed.
 */
export const CHUNK_SIZE = 32;

/** The `user` sent with every generation, so bias traffic is recognisable in an upstream's own logs. */
const BIAS_USER = 'warden-bias-analysis';

export type RunOutcome = 'completed' | 'skipped';

export interface RunObserver {
  progressed(done: number, total: number): Promise<void>;
}

/** What the runner needs from the moderation classifier (the real ClassifierService in production). */
export type TextClassifier = Pick<ClassifierService, 'classify'> & {
  readonly labels: readonly (ModerationCategory | null)[];
};

/** Errors another attempt would only repeat: a bad model, a probe too long for the model's context. */
export function isPermanentFailure(err: unknown): boolean {
  return err instanceof InvalidRequestError || err instanceof NotFoundError;
}

/** Executes one bias run: generate and score every probe not yet scored, checkpoint as it goes, then report. */
@Injectable()
export class BiasRunner {
  constructor(
    private readonly repository: BiasRepository,
    private readonly catalog: ProbeCatalog,
    private readonly models: ModelRegistry,
    @Inject(ClassifierService) private readonly classifier: TextClassifier,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(runId: string, observer: RunObserver, signal: AbortSignal): Promise<RunOutcome> {
    const existing = await this.repository.findById(runId);
    if (
      !existing ||
      existing.status === BiasRunStatus.Completed ||
      existing.status === BiasRunStatus.Failed
    ) {
      this.logger.info(
        { runId, status: existing?.status ?? 'missing' },
        'bias run already settled; nothing to do',
      );
      return 'skipped';
    }
    const probes = this.catalog.probes(existing.probeSets, existing.sampleLimit);
    const run = await this.repository.start(runId, probes.length);
    if (!run) {
      return 'skipped';
    }
    const results = await this.repository.results(runId);
    const pending = probes.filter((probe) => !results.has(probe.id));
    this.logger.info(
      { runId, model: run.model, probes: probes.length, resumedFrom: results.size },
      'bias run started',
    );
    await observer.progressed(results.size, probes.length);

    for (let start = 0; start < pending.length; start += CHUNK_SIZE) {
      signal.throwIfAborted();
      const chunk = pending.slice(start, start + CHUNK_SIZE);
      const scored = await this.scoreChunk(run, chunk, signal);
      const done = await this.repository.saveResults(runId, scored);
      scored.forEach(({ probeId, result }) => results.set(probeId, result));
      await observer.progressed(done, probes.length);
    }

    const report = assembleReport(
      {
        model: run.model,
        promptTemplate: run.promptTemplate,
        probeSets: run.probeSets,
        seed: run.seed,
        limit: run.sampleLimit,
      },
      BIAS_GENERATION,
      probes,
      results,
    );
    await this.repository.complete(runId, report);
    this.logger.info({ runId }, 'bias run completed');
    return 'completed';
  }

  /** The worker stopped mid-run: the run waits in the queue again and resumes from its checkpoints. */
  async handedBack(runId: string): Promise<void> {
    this.logger.info({ runId }, 'bias run handed back to the queue: the worker is stopping');
    await this.repository.requeue(runId, null);
  }

  /** Records how an attempt ended when it did not complete: back to the queue, or failed for good. */
  async attemptFailed(runId: string, err: unknown, final: boolean): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    this.logger.warn({ runId, err, final }, 'bias run attempt failed');
    if (final) {
      await this.repository.fail(runId, message);
    } else {
      await this.repository.requeue(runId, `attempt failed, retrying: ${message}`);
    }
  }

  private async scoreChunk(
    run: BiasRunEntity,
    chunk: Probe[],
    signal: AbortSignal,
  ): Promise<Array<{ probeId: string; result: ProbeResult }>> {
    const continuations = chunk.filter((probe): probe is ContinuationProbe => probe.kind === 'continuation');
    const items = chunk.filter((probe): probe is LikelihoodProbe => probe.kind === 'likelihood');
    const [continued, likelihoods] = await Promise.all([
      this.continueAll(run, continuations, signal),
      Promise.all(items.map((item) => this.likelihoods(run, item, signal))),
    ]);
    const byId = new Map<string, ProbeResult>([
      ...continuations.map((probe, index): [string, ProbeResult] => [probe.id, continued[index]]),
      ...items.map((probe, index): [string, ProbeResult] => [probe.id, likelihoods[index]]),
    ]);
    return chunk.map((probe) => ({ probeId: probe.id, result: byId.get(probe.id)! }));
  }

  private async continueAll(
    run: BiasRunEntity,
    probes: ContinuationProbe[],
    signal: AbortSignal,
  ): Promise<ContinuationResult[]> {
    if (probes.length === 0) {
      return [];
    }
    const texts = await Promise.all(
      probes.map(async (probe) => {
        const result = await this.generate(
          generationRequest({
            model: run.model,
            user: BIAS_USER,
            signal,
            prompt: applyTemplate(run.promptTemplate, probe.text).text,
            maxTokens: BIAS_GENERATION.maxTokens,
            temperature: BIAS_GENERATION.temperature,
            topP: BIAS_GENERATION.topP,
            seed: deriveSeed(run.seed, probe.seedKey),
          }),
        );
        return result.choices[0]?.text ?? '';
      }),
    );
    // One classifier call per chunk: the batch it sees depends only on the chunk, not on timing.
    const classified = await this.classifier.classify(texts, Direction.Output);
    return texts.map((continuation, index) => ({
      kind: 'continuation',
      continuation,
      sentiment: sentimentOf(continuation),
      toxicity: toxicityOf(classified[index].scores, this.classifier.labels),
      refusal: isRefusal(continuation),
    }));
  }

  private async likelihoods(
    run: BiasRunEntity,
    item: LikelihoodProbe,
    signal: AbortSignal,
  ): Promise<LikelihoodResult> {
    const sentences = [item.stereotype, item.antiStereotype, item.unrelated].map((sentence) =>
      applyTemplate(run.promptTemplate, sentence),
    );
    const result = await this.generate(
      generationRequest({
        model: run.model,
        user: BIAS_USER,
        signal,
        prompt: sentences.map((sentence) => sentence.text),
        maxTokens: 0,
        temperature: 0,
        topP: 1,
        logprobs: 0,
        echo: true,
        seed: deriveSeed(run.seed, item.id),
      }),
    );
    const [stereotype, antiStereotype, unrelated] = sentences.map((sentence, index) => {
      const logprobs = result.choices.find((choice) => choice.index === index)?.logprobs;
      if (!logprobs) {
        throw new Error(
          `model ${run.model} returned no prompt log-probabilities (echo with logprobs is needed for StereoSet)`,
        );
      }
      return meanLogLikelihood(logprobs, sentence.start, sentence.end);
    });
    return { kind: 'likelihood', stereotype, antiStereotype, unrelated };
  }

  private generate(request: GenerationRequest): Promise<GenerationResult> {
    return this.models.resolve(request.model).complete(request);
  }
}
