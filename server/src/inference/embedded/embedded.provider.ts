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

/**
 * Serves ONNX decoders from local model directories on the in-process engine (worker threads, continuous batching).
 * The models' configurations and tokenizers are read when it is made; the engine starts with `start`, or with the
 * first generation.
 */
export class EmbeddedProvider implements ModelProvider {
  readonly name = 'embedded';
  private readonly created = Math.floor(Date.now() / 1000);
  private engine: Promise<EnginePool> | null = null;
  /** The engine once started, for what is read synchronously (cache modes, statistics). */
  private pool: EnginePool | null = null;

  private constructor(
    private readonly loaded: Map<string, LoadedModel>,
    private readonly settings: EmbeddedSettings,
    private readonly observer: EngineObserver | null,
  ) {}

  /** Reads every configured model; fails naming the directory of the first that cannot be served. */
  static load(settings: EmbeddedSettings, observer: EngineObserver | null = null): EmbeddedProvider {
    const loaded = settings.models.map((name) => loadModelDirectory(path.join(settings.directory, name)));
    return new EmbeddedProvider(new Map(loaded.map((model) => [model.spec.id, model])), settings, observer);
  }

  /** Reads every configured model and starts the engine. */
  static async start(
    settings: EmbeddedSettings,
    observer: EngineObserver | null = null,
  ): Promise<EmbeddedProvider> {
    const provider = EmbeddedProvider.load(settings, observer);
    await provider.start();
    return provider;
  }

  /** Starts the engine once; a start that failed is tried again by the next call. */
  start(): Promise<EnginePool> {
    if (!this.engine) {
      this.engine = EnginePool.start(
        [...this.loaded.values()].map((model) => model.spec),
        this.settings.engine,
        this.observer,
      ).then((pool) => (this.pool = pool));
      this.engine.catch(() => (this.engine = null));
    }
    return this.engine;
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

  /** How each model's cache runs once the engine has started: "in-place" (rewritten graph) or "concat" (as exported). */
  cacheMode(model: string): string | undefined {
    return this.pool?.modes.get(model);
  }

  /** The engine's counters; an engine not started yet has generated nothing. */
  getStats(model?: string): EngineStats {
    return (
      this.pool?.stats(model) ?? {
        activeSequences: 0,
        queued: 0,
        tokensGenerated: 0,
        cancelledSequences: 0,
        steps: 0,
      }
    );
  }

  async complete(request: GenerationRequest): Promise<GenerationResult> {
    const run = await this.begin(request, false);
    try {
      await run.finished();
      return { choices: run.choices(), usage: run.usage() };
    } finally {
      run.dispose();
    }
  }

  async *stream(request: GenerationRequest): AsyncIterable<StreamEvent> {
    const run = await this.begin(request, true);
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
    const engine = this.engine;
    this.engine = null;
    this.pool = null;
    await (await engine?.catch(() => null))?.close();
  }

  /** The request is checked before the engine is waited for, so a bad one never starts it. */
  private async begin(request: GenerationRequest, streaming: boolean): Promise<CompletionRun> {
    const model = this.model(request.model);
    const prepared = prepareRequest(request, model.spec, model.tokenizer, this.settings.engine.queueLimit);
    const pool = await this.start();
    const run = new CompletionRun(model, pool, request, prepared, streaming);
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
