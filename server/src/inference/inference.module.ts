import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { ModelRegistry } from './model-registry';
import { UpstreamClient } from './upstream/upstream.client';
import { UpstreamProvider } from './upstream/upstream.provider';

@Module({
  providers: [ModelRegistry],
  exports: [ModelRegistry],
})
export class InferenceModule implements OnModuleInit {
  constructor(
    private readonly registry: ModelRegistry,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  onModuleInit(): void {
    const upstream = this.config.upstream;
    if (upstream) {
      this.registry.register(new UpstreamProvider(new UpstreamClient(upstream), upstream.models));
    }
  }
}
