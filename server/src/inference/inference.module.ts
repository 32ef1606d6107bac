import { Inject, Module, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { MODEL_LOADING, ModelLoading } from '../common/model-loading';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { MetricsService } from '../monitoring/metrics.service';
import { EmbeddedProvider } from './embedded/embedded.provider';
import { ENGINE_TUNING, EngineObserver } from './embedded/engine-pool';
import { ModelRegistry } from './model-registry';
import { UpstreamClient } from './upstream/upstream.client';
import { UpstreamProvider } from './upstream/upstream.provider';

@Module({
  providers: [ModelRegistry],
  exports: [ModelRegistry],
})
export class InferenceModule implements OnModuleInit, OnModuleDestroy {
  private embedded: EmbeddedProvider | null = null;

  constructor(
    private readonly registry: ModelRegistry,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() @Inject(MODEL_LOADING) private readonly loading: ModelLoading = ModelLoading.AtStart,
  ) {}

  async onModuleInit(): Promise<void> {
    const { models } = this.config;
    if (models.embedded.length > 0) {
      this.embedded = EmbeddedProvider.load(
        {
          directory: models.directory,
          models: models.embedded,
          engine: { ...models.engine, ...ENGINE_TUNING },
        },
        this.metricsObserver(),
      );
      const atStart = this.loading === ModelLoading.AtStart;
      if (atStart) await this.embedded.start();
      this.registry.register(this.embedded);
      for (const model of this.embedded.models()) {
        this.logger.info(
          {
            model: model.id,
            contextLength: model.contextLength,
            cache: this.embedded.cacheMode(model.id),
            threads: models.engine.threads,
          },
          atStart ? 'embedded model loaded' : 'embedded model registered; its engine starts on first use',
        );
      }
    }
    const upstream = this.config.upstream;
    if (upstream) {
      this.registry.register(new UpstreamProvider(new UpstreamClient(upstream), upstream.models));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.embedded?.close();
  }

  private metricsObserver(): EngineObserver | null {
    const metrics = this.metrics;
    if (!metrics) {
      return null;
    }
    return {
      progressed: (model, change) => {
        if (change.tokens > 0) {
          metrics.engineTokens.inc({ model }, change.tokens);
        }
        if (change.cancelled > 0) {
          metrics.engineCancelled.inc({ model }, change.cancelled);
        }
        metrics.engineQueueDepth.set({ model }, change.queued);
        metrics.engineBatchSize.set({ model }, change.active);
      },
    };
  }
}
