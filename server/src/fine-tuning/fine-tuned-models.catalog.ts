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
import { ModelAwaitingReviewError } from './fine-tuning.errors';
import { FineTuningRepository } from './fine-tuning.repository';
import { FineTunedModelRow, ModelReviewStatus } from './fine-tuning.types';
import { FineTunedProvider } from './fine-tuned.provider';

/** Published with a model id whenever a fine-tuned model appears or its review status changes. */
export const FINE_TUNED_MODEL_EVENT = 'fine-tuned-models';

/**
 * Keeps this instance's model registry in step with the fine-tuned models in Postgres: all servable ones at
 * start-up, then each change as it is published on Redis (a retirement reaches every instance at once).
 */
@Injectable()
export class FineTunedModelsCatalog implements OnModuleInit, OnModuleDestroy {
  private readonly providers = new Map<string, FineTunedProvider>();
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
    await Promise.all([...this.providers.values()].map((provider) => provider.close()));
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
    let provider = this.providers.get(row.id);
    if (!provider) {
      const base = this.registry.resolve(row.baseModel);
      const onnx = await this.repository.modelOnnx(row.id);
      if (!onnx) {
        return;
      }
      const key = `ft-${createHash('sha256').update(row.id).digest('hex').slice(0, 24)}`;
      const directory = FineTunedProvider.materialize(
        this.config.fineTuning.cacheDirectory,
        key,
        path.join(this.config.models.directory, row.baseModel),
        onnx,
      );
      provider = new FineTunedProvider(
        {
          id: row.id,
          ownedBy: row.organizationId,
          created: Math.floor(new Date(row.createdAt).getTime() / 1000),
        },
        directory,
        { ...this.config.models.engine, threads: 1 },
        base,
        row.baseModel,
      );
      this.providers.set(row.id, provider);
    }
    const approved = row.reviewStatus === ModelReviewStatus.Approved;
    this.registry.put(provider.models()[0], provider, (caller: ModelCaller) => {
      // Fine-tuned models are private to their organization, approved or not.
      if (caller.organizationId !== row.organizationId) {
        throw new ModelNotFoundError(row.id);
      }
      if (!approved && !caller.sandboxKey) {
        throw new ModelAwaitingReviewError(row.id);
      }
    });
  }

  private async unload(id: string): Promise<void> {
    this.registry.remove(id);
    const provider = this.providers.get(id);
    this.providers.delete(id);
    await provider?.close();
  }
}
