import { Inject, Injectable } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';
import { ApplicationsService } from '../applications/applications.service';
import { BiasRunQueue } from '../bias/bias-run.queue';
import { BiasRepository } from '../bias/bias.repository';
import { ProbeSetName } from '../bias/bias.types';
import { LOGGER } from '../common/logger.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { FilesService } from '../files/files.service';
import { TrainingExample } from '../files/training-file';
import { LoadedModel, loadModelDirectory } from '../inference/embedded/model-loader';
import { generationRequest } from '../inference/model-provider';
import { ModelRegistry } from '../inference/model-registry';
import { PoliciesService } from '../policies/policies.service';
import { FineTunedModelsCatalog } from './fine-tuned-models.catalog';
import { FineTuningErrorCode } from './fine-tuning.errors';
import { FineTuningRepository } from './fine-tuning.repository';
import { JobRow, JobStatus, SamplePair, ScreeningStatus } from './fine-tuning.types';
import { describeFlagged, TrainingDataScreening } from './screening';
import { BASE_LEARNING_RATE } from './trainer/defaults';
import { UpstreamFineTuningClient, UpstreamJob } from './upstream-fine-tuning.client';
import { TextExample, tokenizeExample } from './trainer/examples';
import type { TokenizedExample } from './trainer/trainer';

/** Bias probes per group for the automatic review runs: enough to compare a model with its base, quickly. */
const REVIEW_BIAS_SAMPLE_LIMIT = 8;
const SAMPLE_PROMPTS = 4;
const SAMPLE_TOKENS = 16;

export interface RunProgress {
  progressed(step: number, totalSteps: number): Promise<void>;
}

/** A failure that retrying cannot fix: the job fails with this code at once. */
export class PermanentJobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

/**
 * One fine-tuning job in the worker, resumable at every stage (a redelivered job picks up from the row): screen
 * the files, then train, store the model for review, attach samples and bias runs, announce it to every instance.
 */
@Injectable()
export class FineTuningRunner {
  constructor(
    private readonly repository: FineTuningRepository,
    private readonly files: FilesService,
    private readonly applications: ApplicationsService,
    private readonly policies: PoliciesService,
    private readonly screening: TrainingDataScreening,
    private readonly registry: ModelRegistry,
    private readonly catalog: FineTunedModelsCatalog,
    private readonly biasRuns: BiasRepository,
    private readonly biasQueue: BiasRunQueue,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(jobId: string, progress: RunProgress, signal: AbortSignal): Promise<JobStatus> {
    const job = await this.repository.findJob(jobId);
    if (!job || [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled].includes(job.status)) {
      return job?.status ?? JobStatus.Failed;
    }
    if (job.cancelRequested) {
      return this.cancel(job);
    }
    const training = await this.files.examples(job.trainingFile);
    const validation = job.validationFile ? await this.files.examples(job.validationFile) : [];
    if (job.status === JobStatus.ValidatingFiles) {
      const proceed = await this.screen(job, training, validation);
      if (!proceed) {
        return (await this.repository.findJob(jobId))?.status ?? JobStatus.Failed;
      }
      await this.repository.transition(job.id, [JobStatus.ValidatingFiles], JobStatus.Queued);
      await this.repository.addEvent(job.id, 'Files validated, moving job to queued state');
    }
    if (this.isUpstream(job.model)) {
      return this.passThrough((await this.repository.findJob(jobId)) ?? job, training, validation, signal);
    }
    if (
      !(await this.repository.transition(job.id, [JobStatus.Queued, JobStatus.Running], JobStatus.Running))
    ) {
      return (await this.repository.findJob(jobId))?.status ?? JobStatus.Failed;
    }
    await this.repository.addEvent(job.id, 'Fine-tuning job started');
    return this.train(job, training, validation, progress, signal);
  }

  /** The worker stopped mid-job: it waits in the queue again; training starts over, an upstream job is polled on. */
  async handedBack(jobId: string): Promise<void> {
    this.logger.info({ jobId }, 'fine-tuning job handed back to the queue: the worker is stopping');
    await this.repository.addEvent(jobId, 'The worker stopped; the job continues on the next worker');
  }

  /** Marks a job failed after its last attempt (or a permanent failure). */
  async fail(jobId: string, err: unknown): Promise<void> {
    const permanent = err instanceof PermanentJobFailure ? err : null;
    const message = err instanceof Error ? err.message : String(err);
    const failed = await this.repository.transition(
      jobId,
      [JobStatus.ValidatingFiles, JobStatus.Queued, JobStatus.Running],
      JobStatus.Failed,
      {
        error: {
          code: permanent?.code ?? FineTuningErrorCode.TrainingFailed,
          message: permanent ? message : `Training failed: ${message}`,
          param: permanent?.param ?? null,
        },
      },
    );
    if (failed) {
      await this.repository.addEvent(jobId, `Fine-tuning job failed: ${message}`, { level: 'error' });
    }
  }

  /** True when training may go on; otherwise the job was failed or waits for staff. */
  private async screen(
    job: JobRow,
    training: TrainingExample[],
    validation: TrainingExample[],
  ): Promise<boolean> {
    switch (job.screeningStatus) {
      case ScreeningStatus.Passed:
      case ScreeningStatus.Approved:
        return true;
      case ScreeningStatus.AwaitingReview:
        return false;
      case ScreeningStatus.Rejected:
        await this.fail(
          job.id,
          new PermanentJobFailure(
            FineTuningErrorCode.TrainingFileRejected,
            'Staff rejected the training data after reviewing its flagged examples.',
            'training_file',
          ),
        );
        return false;
      default:
        break;
    }
    const application = await this.applications.findById(job.applicationId);
    if (!application) {
      throw new PermanentJobFailure(FineTuningErrorCode.TrainingFailed, 'The application no longer exists.');
    }
    const policy = await this.policies.resolve(application);
    const { verdict, report } = await this.screening.screen(
      [
        { file: 'training', examples: training },
        { file: 'validation', examples: validation },
      ],
      policy,
    );
    if (verdict === 'flagged') {
      await this.repository.setScreening(job.id, ScreeningStatus.Flagged, report);
      await this.fail(
        job.id,
        new PermanentJobFailure(
          FineTuningErrorCode.TrainingFileFlagged,
          describeFlagged(report),
          'training_file',
        ),
      );
      return false;
    }
    if (verdict === 'review') {
      await this.repository.setScreening(job.id, ScreeningStatus.AwaitingReview, report);
      await this.repository.addEvent(
        job.id,
        `${report.flagged} of ${report.examples} examples were flagged by the moderation checks; the files await staff review`,
        { level: 'warn', data: { flagged_lines: report.lines.map((line) => line.line) } },
      );
      return false;
    }
    await this.repository.setScreening(job.id, ScreeningStatus.Passed, report);
    return true;
  }

  private async train(
    job: JobRow,
    training: TrainingExample[],
    validation: TrainingExample[],
    progress: RunProgress,
    signal: AbortSignal,
  ): Promise<JobStatus> {
    const directory = path.join(this.config.models.directory, job.model);
    const loaded = loadModelDirectory(directory);
    const modelConfig = JSON.parse(fs.readFileSync(path.join(directory, 'config.json'), 'utf8')) as {
      rms_norm_eps?: number;
    };
    const eos = loaded.spec.eosTokenIds[0] ?? null;
    const tokenize = (examples: TrainingExample[], file: string): TokenizedExample[] =>
      examples.map((example) => {
        const tokens = tokenizeExample(loaded.tokenizer, this.asModelText(loaded, example, file), eos);
        if (tokens.prompt.length + tokens.completion.length > loaded.spec.contextLength) {
          throw new PermanentJobFailure(
            FineTuningErrorCode.ExampleTooLong,
            `${file} line ${example.line} is longer than the model's ${loaded.spec.contextLength}-token context.`,
            file === 'training file' ? 'training_file' : 'validation_file',
          );
        }
        return tokens;
      });
    const trainingTokens = tokenize(training, 'training file');
    const validationTokens = tokenize(validation, 'validation file');
    // Loaded on first use: TensorFlow.js and its WebAssembly backend cost a worker that never trains nothing.
    const { DecoderTrainer } = await import('./trainer/trainer');
    const trainer = await DecoderTrainer.fromOnnx(new Uint8Array(fs.readFileSync(loaded.spec.onnxPath)), {
      rmsNormEps: modelConfig.rms_norm_eps ?? 1e-5,
      kvHeads: loaded.spec.kvHeads ?? 1,
      headDim: loaded.spec.headDim ?? 1,
    });
    const modelId = await this.modelId(job);
    // A redelivered job trains again from the start; the seed makes it the same training.
    await this.repository.resetTraining(job.id);
    try {
      const outcome = await trainer.train(
        trainingTokens,
        validationTokens,
        {
          epochs: job.nEpochs,
          batchSize: job.batchSize,
          learningRate: BASE_LEARNING_RATE * job.learningRateMultiplier,
          seed: job.seed,
        },
        {
          baseline: (metrics) =>
            this.repository.addEvent(
              job.id,
              `Validation loss before training: ${metrics.fullValidLoss.toFixed(4)}`,
              {
                type: 'metrics',
                data: {
                  step: 0,
                  full_valid_loss: metrics.fullValidLoss,
                  full_valid_mean_token_accuracy: metrics.fullValidMeanTokenAccuracy,
                },
              },
            ),
          step: async (metrics) => {
            const data = {
              step: metrics.step,
              total_steps: metrics.totalSteps,
              train_loss: metrics.trainLoss,
              train_mean_token_accuracy: metrics.trainMeanTokenAccuracy,
              valid_loss: metrics.validLoss,
              valid_mean_token_accuracy: metrics.validMeanTokenAccuracy,
            };
            const valid =
              metrics.validLoss === null ? '' : `, validation loss=${metrics.validLoss.toFixed(4)}`;
            await this.repository.addEvent(
              job.id,
              `Step ${metrics.step}/${metrics.totalSteps}: training loss=${metrics.trainLoss.toFixed(4)}${valid}`,
              { type: 'metrics', data },
            );
            await this.repository.appendMetrics(job.id, {
              step: metrics.step,
              train_loss: metrics.trainLoss,
              valid_loss: metrics.validLoss,
            });
            await progress.progressed(metrics.step, metrics.totalSteps);
          },
          epoch: async (metrics) => {
            const checkpoint: Record<string, number> = { step: metrics.step };
            if (metrics.fullValidLoss !== null && metrics.fullValidMeanTokenAccuracy !== null) {
              checkpoint.full_valid_loss = metrics.fullValidLoss;
              checkpoint.full_valid_mean_token_accuracy = metrics.fullValidMeanTokenAccuracy;
            }
            await this.repository.addCheckpoint(
              job.id,
              metrics.step,
              checkpoint,
              `${modelId}:ckpt-step-${metrics.step}`,
              // The weights as they stand after this epoch: the checkpoint is a callable model.
              trainer.exportOnnx(),
            );
            await this.repository.addEvent(job.id, `Checkpoint created at step ${metrics.step}`, {
              data: checkpoint,
            });
          },
          cancelled: async () => signal.aborted || (await this.repository.cancelRequested(job.id)),
        },
      );
      if (signal.aborted) {
        throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
      }
      if (outcome.cancelled) {
        return this.cancel(job);
      }
      await this.repository.insertModel(job, modelId, { onnx: trainer.exportOnnx() });
      await this.repository.addEvent(job.id, `New fine-tuned model created: ${modelId}`);
      await this.catalog.announce(modelId);
      await this.prepareReview(job, modelId, training, validation);
      await this.repository.transition(job.id, [JobStatus.Running], JobStatus.Succeeded, {
        fineTunedModel: modelId,
        trainedTokens: outcome.trainedTokens,
      });
      await this.repository.addEvent(
        job.id,
        'The job has successfully completed; the model awaits staff review before it serves production keys',
      );
      return JobStatus.Succeeded;
    } finally {
      trainer.dispose();
    }
  }

  /**
   * A chat example is rendered with the model's chat template, the renderer `/v1/chat/completions` uses, so the
   * model learns to answer the prompt the chat route will give it.
   */
  private asModelText(loaded: LoadedModel, example: TrainingExample, file: string): TextExample {
    if (!example.messages) {
      return example;
    }
    try {
      return loaded.chatTemplate.renderTrainingExample(
        example.messages.map((message) => ({ ...message, extra: null })),
      );
    } catch (err) {
      throw new PermanentJobFailure(
        FineTuningErrorCode.InvalidTrainingExample,
        `${file} line ${example.line}: ${err instanceof Error ? err.message : String(err)}`,
        file === 'training file' ? 'training_file' : 'validation_file',
      );
    }
  }

  private isUpstream(model: string): boolean {
    return !this.config.models.embedded.includes(model) && this.config.upstream?.models[model] !== undefined;
  }

  /**
   * Upstream models are trained by the upstream: the screened files go up, the job is created there once (its id
   * is kept, so a redelivered job resumes polling) and its status is mirrored until it ends.
   */
  private async passThrough(
    job: JobRow,
    training: TrainingExample[],
    validation: TrainingExample[],
    signal: AbortSignal,
  ): Promise<JobStatus> {
    const upstream = this.config.upstream;
    if (!upstream || !this.config.fineTuning.upstream) {
      throw new PermanentJobFailure(
        FineTuningErrorCode.TrainingFailed,
        'Upstream fine-tuning is not enabled on this deployment.',
        'model',
      );
    }
    const client = new UpstreamFineTuningClient(upstream);
    let upstreamId = job.upstreamJobId;
    if (!upstreamId) {
      const trainingFile = await client.uploadFile(
        await this.files.bytes(job.trainingFile),
        `${job.trainingFile}.jsonl`,
      );
      const validationFile = job.validationFile
        ? await client.uploadFile(await this.files.bytes(job.validationFile), `${job.validationFile}.jsonl`)
        : null;
      const created = await client.createJob({
        model: upstream.models[job.model],
        training_file: trainingFile,
        validation_file: validationFile,
        hyperparameters: {
          n_epochs: job.nEpochs,
          batch_size: job.batchSize,
          learning_rate_multiplier: job.learningRateMultiplier,
        },
        seed: job.seed,
        suffix: job.suffix,
      });
      upstreamId = created.id;
      await this.repository.setUpstreamJob(job.id, upstreamId);
      await this.repository.addEvent(job.id, `Passed to the upstream fine-tuning API as job ${upstreamId}`);
    }
    let cancelSent = false;
    for (;;) {
      if (signal.aborted) {
        throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
      }
      if (!cancelSent && (await this.repository.cancelRequested(job.id))) {
        await client.cancelJob(upstreamId);
        cancelSent = true;
      }
      const status = await this.mirror(job, await client.getJob(upstreamId), training, validation);
      if (status) {
        return status;
      }
      // The pause ends early when the job is stopped; the check at the top of the loop then throws.
      await sleep(this.config.fineTuning.upstreamPollMs, undefined, { signal }).catch(() => undefined);
    }
  }

  /** Copies the upstream's status onto the job; returns it once the job has ended. */
  private async mirror(
    job: JobRow,
    upstream: UpstreamJob,
    training: TrainingExample[],
    validation: TrainingExample[],
  ): Promise<JobStatus | null> {
    const active = [JobStatus.ValidatingFiles, JobStatus.Queued, JobStatus.Running];
    switch (upstream.status) {
      case JobStatus.Running:
        if (await this.repository.transition(job.id, [JobStatus.Queued], JobStatus.Running)) {
          await this.repository.addEvent(job.id, 'The upstream started training');
        }
        return null;
      case JobStatus.Succeeded: {
        // Served under Warden's own id, through the same review gate as an embedded model; requests go upstream.
        const modelId = upstream.fine_tuned_model ? await this.modelId(job) : null;
        if (modelId && upstream.fine_tuned_model) {
          await this.repository.insertModel(job, modelId, { upstreamModel: upstream.fine_tuned_model });
          await this.repository.addEvent(
            job.id,
            `The upstream job succeeded: ${upstream.fine_tuned_model}, served as ${modelId}`,
          );
          await this.catalog.announce(modelId);
          await this.prepareReview(job, modelId, training, validation);
        } else {
          await this.repository.addEvent(job.id, 'The upstream job succeeded without a model');
        }
        await this.repository.transition(job.id, active, JobStatus.Succeeded, {
          fineTunedModel: modelId ?? undefined,
          trainedTokens: upstream.trained_tokens ?? undefined,
        });
        return JobStatus.Succeeded;
      }
      case JobStatus.Failed:
        await this.repository.transition(job.id, active, JobStatus.Failed, {
          error: {
            code: upstream.error?.code ?? 'upstream_failed',
            message: upstream.error?.message ?? 'The upstream fine-tuning job failed.',
            param: upstream.error?.param ?? null,
          },
        });
        await this.repository.addEvent(job.id, 'The upstream job failed', { level: 'error' });
        return JobStatus.Failed;
      case JobStatus.Cancelled:
        return this.cancel(job);
      default:
        return null;
    }
  }

  /** Side-by-side samples and a bias run of the new model and of its base, for the staff review. */
  private async prepareReview(
    job: JobRow,
    modelId: string,
    training: TrainingExample[],
    validation: TrainingExample[],
  ): Promise<void> {
    const prompts = [...new Set([...validation, ...training].map((example) => example.prompt))].slice(
      0,
      SAMPLE_PROMPTS,
    );
    const samples: SamplePair[] = [];
    for (const prompt of prompts) {
      const [base, tuned] = await Promise.all([this.greedy(job.model, prompt), this.greedy(modelId, prompt)]);
      samples.push({ prompt, base, tuned });
    }
    await this.repository.setSamples(modelId, samples);
    const [tunedRun, baseRun] = await Promise.all(
      [modelId, job.model].map((model) =>
        this.biasRuns.create({
          model,
          applicationId: job.applicationId,
          promptTemplate: null,
          probeSets: [ProbeSetName.Bold, ProbeSetName.HolisticBias, ProbeSetName.StereoSet],
          seed: job.seed,
          sampleLimit: REVIEW_BIAS_SAMPLE_LIMIT,
          createdBy: null,
        }),
      ),
    );
    await this.repository.attachBiasRuns(modelId, tunedRun.id, baseRun.id);
    await Promise.all([this.biasQueue.enqueue(tunedRun.id), this.biasQueue.enqueue(baseRun.id)]).catch(
      (err) => this.logger.warn({ err, model: modelId }, 'review bias runs not queued'),
    );
  }

  private async greedy(model: string, prompt: string): Promise<string> {
    const request = generationRequest({
      model,
      prompt,
      maxTokens: SAMPLE_TOKENS,
      temperature: 0,
      seed: 0,
      signal: AbortSignal.timeout(60_000),
    });
    const result = await this.registry.resolve(model).complete(request);
    return result.choices[0]?.text ?? '';
  }

  private async cancel(job: JobRow): Promise<JobStatus> {
    if (
      await this.repository.transition(
        job.id,
        [JobStatus.ValidatingFiles, JobStatus.Queued, JobStatus.Running],
        JobStatus.Cancelled,
      )
    ) {
      await this.repository.addEvent(job.id, 'Fine-tuning job cancelled');
    }
    return JobStatus.Cancelled;
  }

  /** `ft:<base>:<organization>:<suffix>:<job>`, as OpenAI names fine-tuned models. */
  private async modelId(job: JobRow): Promise<string> {
    const organization = await this.repository.organizationSlug(job.organizationId);
    return `ft:${job.model}:${organization}:${job.suffix ?? ''}:${job.id.replace(/^ftjob-/, '')}`;
  }
}
