import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { RedisEvents } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { ModelCaller, ModelRegistry } from '../inference/model-registry';
import { ModelNotFoundError } from '../inference/inference.errors';
import { ModelDescriptor, ModelProvider } from '../inference/model-provider';
import { UpstreamClient } from '../inference/upstream/upstream.client';
import { UpstreamProvider } from '../inference/upstream/upstream.provider';
import { ModelAwaitingReviewError } from './fine-tuning.errors';
import { FineTuningRepository } from './fine-tuning.repository';
import { FineTunedModelRow, ModelReviewStatus } from './fine-tuning.types';
import { FineTunedProvider } from './fine-tuned.provider';

/** One model id this catalog serves (a fine-tuned model or one of its checkpoints) and its provider. */
interface ServedModel {
  descriptor: ModelDescriptor;
  provider: ModelProvider & { close?(): Promise<void> };
}

/** Published with a model id whenever a fine-tuned model appears or its review status changes. */
export const FINE_TUNED_MODEL_EVENT = 'fine-tuned-models';

/**
 * Keeps this instance's model registry in step with the fine-tuned models in Postgres: all servable ones at
 * start-up, then each change as it is published on Redis (a retirement reaches every instance at once). A model's
 * checkpoints (`<model>:ckpt-step-N`) are served with it, and upstream fine-tuned models through the same gate.
 */
@Injectable()
export class FineTunedModelsCatalog implements OnModuleInit, OnModuleDestroy {
  /** Per fine-tuned model: the providers serving it and its checkpoints. */
  private readonly providers = new Map<string, ServedModel[]>();
  /** Refreshes of one model run one after another, so a burst of events cannot interleave. */
  private readonly refreshing = new Map<string, Promise<void>>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly repository: FineTuningRepository,
    private readonly events: RedisEvents,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(FINE_TUNED_MODEL_EVENT, (id) => void this.refresh(id));
    for (const row of await this.repository.servableModels()) {
      await this.load(row).catch((err) =>
        this.logger.error({ err, model: row.id }, 'fine-tuned model not loaded'),
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.providers.values()].flat().map(({ provider }) => provider.close?.()));
  }

  /** Tells every instance (this one included, before returning) that a model changed. */
  async announce(id: string): Promise<void> {
    await this.refresh(id);
    await this.events.publish(FINE_TUNED_MODEL_EVENT, id);
  }

  refresh(id: string): Promise<void> {
    const previous = this.refreshing.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => this.reload(id))
      .catch((err) => this.logger.error({ err, model: id }, 'fine-tuned model refresh failed'));
    this.refreshing.set(id, next);
    return next;
  }

  private async reload(id: string): Promise<void> {
    const row = await this.repository.findModel(id);
    if (
      !row ||
      row.reviewStatus === ModelReviewStatus.Retired ||
      row.reviewStatus === ModelReviewStatus.Rejected
    ) {
      await this.unload(id);
      return;
    }
    await this.load(row);
  }

  private async load(row: FineTunedModelRow): Promise<void> {
    let served = this.providers.get(row.id);
    if (!served) {
      served = await this.providersFor(row);
      if (served.length === 0) {
        return;
      }
      this.providers.set(row.id, served);
    }
    const approved = row.reviewStatus === ModelReviewStatus.Approved;
    // The model and its checkpoints pass one gate: the model's own review.
    const guard = (id: string) => (caller: ModelCaller) => {
      // Fine-tuned models are private to their organization, approved or not.
      if (caller.organizationId !== row.organizationId) {
        throw new ModelNotFoundError(id);
      }
      if (!approved && !caller.sandboxKey) {
        throw new ModelAwaitingReviewError(id);
      }
    };
    for (const { descriptor, provider } of served) {
      this.registry.put(descriptor, provider, guard(descriptor.id));
    }
  }

  /**
   * An embedded model and each of its checkpoints get their own (lazily started) engine; an upstream model is
   * the upstream's, called under its upstream id.
   */
  private async providersFor(row: FineTunedModelRow): Promise<ServedModel[]> {
    const descriptor = (id: string) => ({
      id,
      ownedBy: row.organizationId,
      created: Math.floor(new Date(row.createdAt).getTime() / 1000),
    });
    if (row.upstreamModel) {
      if (!this.config.upstream) {
        this.logger.warn({ model: row.id }, 'upstream fine-tuned model not served: no upstream configured');
        return [];
      }
      const client = new UpstreamClient(this.config.upstream);
      return [
        {
          descriptor: descriptor(row.id),
          provider: new UpstreamProvider(client, { [row.id]: row.upstreamModel }),
        },
      ];
    }
    const onnx = await this.repository.modelOnnx(row.id);
    if (!onnx) {
      return [];
    }
    const base = this.registry.resolve(row.baseModel);
    const embedded = (id: string, weights: Uint8Array): ServedModel => ({
      descriptor: descriptor(id),
      provider: new FineTunedProvider(
        descriptor(id),
        FineTunedProvider.materialize(
          this.config.fineTuning.cacheDirectory,
          `ft-${createHash('sha256').update(id).digest('hex').slice(0, 24)}`,
          path.join(this.config.models.directory, row.baseModel),
          weights,
        ),
        { ...this.config.models.engine, threads: 1 },
        base,
        row.baseModel,
      ),
    });
    const checkpoints = await this.repository.checkpointWeights(row.jobId);
    return [
      embedded(row.id, onnx),
      ...checkpoints.map((checkpoint) => embedded(checkpoint.model, checkpoint.onnx)),
    ];
  }

  private async unload(id: string): Promise<void> {
    const served = this.providers.get(id) ?? [];
    this.providers.delete(id);
    this.registry.remove(id);
    for (const { descriptor, provider } of served) {
      this.registry.remove(descriptor.id);
      await provider.close?.();
    }
  }
}
