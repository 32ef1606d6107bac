import { Injectable } from '@nestjs/common';
import { ModelNotFoundError } from './inference.errors';
import { ModelDescriptor, ModelProvider } from './model-provider';

export const MODEL_PROVIDERS = Symbol('MODEL_PROVIDERS');

/** Which provider serves which model id. The first provider to claim an id wins; ids are unique in /v1/models. */
@Injectable()
export class ModelRegistry {
  private readonly byModel = new Map<string, { provider: ModelProvider; descriptor: ModelDescriptor }>();

  register(provider: ModelProvider): void {
    for (const descriptor of provider.models()) {
      if (!this.byModel.has(descriptor.id)) {
        this.byModel.set(descriptor.id, { provider, descriptor });
      }
    }
  }

  resolve(model: string): ModelProvider {
    const entry = this.byModel.get(model);
    if (!entry) {
      throw new ModelNotFoundError(model);
    }
    return entry.provider;
  }

  list(): ModelDescriptor[] {
    return [...this.byModel.values()].map((entry) => entry.descriptor);
  }
}
