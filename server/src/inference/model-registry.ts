import { Injectable } from '@nestjs/common';
import { ModelNotFoundError } from './inference.errors';
import { ModelDescriptor, ModelProvider } from './model-provider';

export const MODEL_PROVIDERS = Symbol('MODEL_PROVIDERS');

/** Who asks for a model on the public API; internal callers (bias runs, samples) pass none. */
export interface ModelCaller {
  organizationId: string;
  sandboxKey: boolean;
}

/** Decides whether a caller may use a model added at run time; throws the error the caller gets. */
export type ModelAccessGuard = (caller: ModelCaller) => void;

interface Entry {
  provider: ModelProvider;
  descriptor: ModelDescriptor;
  guard: ModelAccessGuard | null;
}

/**
 * Which provider serves which model id. The first provider to claim an id wins; ids are unique in /v1/models.
 * Models configured at start-up are registered once; fine-tuned models come and go at run time, each with the
 * guard that keeps it to the callers allowed to use it.
 */
@Injectable()
export class ModelRegistry {
  private readonly byModel = new Map<string, Entry>();

  register(provider: ModelProvider): void {
    for (const descriptor of provider.models()) {
      if (!this.byModel.has(descriptor.id)) {
        this.byModel.set(descriptor.id, { provider, descriptor, guard: null });
      }
    }
  }

  /** Adds or replaces one model at run time. */
  put(descriptor: ModelDescriptor, provider: ModelProvider, guard: ModelAccessGuard): void {
    this.byModel.set(descriptor.id, { provider, descriptor, guard });
  }

  /** Forgets a model added with `put`; start-up models stay. Returns its provider, to be closed. */
  remove(model: string): ModelProvider | null {
    const entry = this.byModel.get(model);
    if (!entry || !entry.guard) {
      return null;
    }
    this.byModel.delete(model);
    return entry.provider;
  }

  resolve(model: string, caller?: ModelCaller): ModelProvider {
    const entry = this.byModel.get(model);
    if (!entry) {
      throw new ModelNotFoundError(model);
    }
    if (caller && entry.guard) {
      entry.guard(caller);
    }
    return entry.provider;
  }

  has(model: string): boolean {
    return this.byModel.has(model);
  }

  /** The models a caller may use; without a caller, the start-up models only. */
  list(caller?: ModelCaller): ModelDescriptor[] {
    return [...this.byModel.values()]
      .filter((entry) => !entry.guard || (caller !== undefined && allows(entry.guard, caller)))
      .map((entry) => entry.descriptor);
  }
}

function allows(guard: ModelAccessGuard, caller: ModelCaller): boolean {
  try {
    guard(caller);
    return true;
  } catch {
    return false;
  }
}
