import path from 'node:path';
import { ModelNotFoundError } from '../inference.errors';
import {
  ChatMessage,
  GenerationRequest,
  GenerationResult,
  ModelDescriptor,
  ModelProvider,
  StreamEvent,
} from '../model-provider';
import { prepareRequest } from './completion-request';
import { CompletionRun } from './completion-run';
import { EngineObserver, EnginePool, EngineSettings, EngineStats } from './engine-pool';
import { LoadedModel, loadModelDirectory } from './model-loader';

export interface EmbeddedSettings {
  directory: string;
  /** Model directory names under `directory`; each is served under its name. */
  models: string[];
  engine: EngineSettings;
}

/** Serves ONNX decoders from local model directories on the in-process engine (worker threads, continuous batching). */
export class EmbeddedProvider implements ModelProvider {
  readonly name = 'embedded';
  private readonly created = Math.floor(Date.now() / 1000);

  private constructor(
    private readonly loaded: Map<string, LoadedModel>,
    private readonly pool: EnginePool,
    private readonly settings: EmbeddedSettings,
  ) {}

  /** Loads every configured model; fails naming the directory of the first that cannot be served. */
  static async start(
    settings: EmbeddedSettings,
    observer: EngineObserver | null = null,
  ): Promise<EmbeddedProvider> {
    const loaded = settings.models.map((name) => loadModelDirectory(path.join(settings.directory, name)));
    const pool = await EnginePool.start(
      loaded.map((model) => model.spec),
      settings.engine,
      observer,
    );
    return new EmbeddedProvider(new Map(loaded.map((model) => [model.spec.id, model])), pool, settings);
  }

  models(): ModelDescriptor[] {
    return [...this.loaded.values()].map(({ spec }) => ({
      id: spec.id,
      ownedBy: 'warden',
      created: this.created,
      contextLength: spec.contextLength,
    }));
  }

  /** Prompt tokens exactly as generation counts them (start-of-text token included). */
  countTokens(model: string, text: string): number {
    return this.model(model).tokenizer.encode(text).length;
  }

  /** A chat rendered with the model's chat template (or Warden's documented default, see chat-template.ts). */
  renderChat(model: string, messages: ChatMessage[]): string {
    return this.model(model).chatTemplate.render(messages);
  }

  detokenize(model: string, ids: number[]): string {
    return this.model(model).tokenizer.decode(ids);
  }

  /** How each model's cache runs: "in-place" (rewritten graph) or "concat" (graph as exported). */
  cacheMode(model: string): string | undefined {
    return this.pool.modes.get(model);
  }

  getStats(model?: string): EngineStats {
    return this.pool.stats(model);
  }

  async complete(request: GenerationRequest): Promise<GenerationResult> {
    const run = this.begin(request, false);
    try {
      await run.finished();
      return { choices: run.choices(), usage: run.usage() };
    } finally {
      run.dispose();
    }
  }

  async *stream(request: GenerationRequest): AsyncIterable<StreamEvent> {
    const run = this.begin(request, true);
    try {
      for (;;) {
        const choices = await run.next();
        if (choices.length === 0) {
          break;
        }
        yield { kind: 'delta', choices };
      }
      yield { kind: 'usage', usage: run.usage() };
    } catch (err) {
      // The client is gone: nobody reads the rest, and its sequences were cancelled already.
      if (!request.signal.aborted) {
        throw err;
      }
    } finally {
      run.dispose();
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private begin(request: GenerationRequest, streaming: boolean): CompletionRun {
    const model = this.model(request.model);
    const prepared = prepareRequest(request, model.spec, model.tokenizer, this.settings.engine.queueLimit);
    const run = new CompletionRun(model, this.pool, request, prepared, streaming);
    run.start();
    return run;
  }

  private model(id: string): LoadedModel {
    const model = this.loaded.get(id);
    if (!model) {
      throw new ModelNotFoundError(id);
    }
    return model;
  }
}
