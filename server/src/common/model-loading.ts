import { DynamicModule, Global, Module } from '@nestjs/common';

/**
 * When a process starts its ONNX sessions (the moderation classifier's threads, the embedded engine's). The api loads
 * them at start: it serves them on every request, and a broken model must stop it before it listens. The worker loads
 * them when a job first needs them: only bias runs, policy replays and fine-tuning do, and an idle worker would
 * otherwise hold their threads and ~140 MB and spend half its start-up CPU on them.
 */
export enum ModelLoading {
  AtStart = 'at-start',
  OnFirstUse = 'on-first-use',
}

export const MODEL_LOADING = Symbol('MODEL_LOADING');

/** Imported once by a process's root module; without it, services load their models at start. */
@Global()
@Module({})
export class ModelLoadingModule {
  static forRoot(loading: ModelLoading): DynamicModule {
    return {
      module: ModelLoadingModule,
      providers: [{ provide: MODEL_LOADING, useValue: loading }],
      exports: [MODEL_LOADING],
    };
  }
}
