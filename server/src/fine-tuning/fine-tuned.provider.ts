import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedProvider } from '../inference/embedded/embedded.provider';
import { ENGINE_TUNING, EngineSettings } from '../inference/embedded/engine-pool';
import {
  ChatMessage,
  GenerationRequest,
  GenerationResult,
  ModelDescriptor,
  ModelProvider,
  StreamEvent,
} from '../inference/model-provider';

/** Files a Hugging Face model directory needs besides the ONNX graph; a fine-tuned model shares its base's. */
const BASE_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * A fine-tuned model served on the embedded engine: its graph (from Postgres) is written next to a copy of its
 * base's config and tokenizer in a local cache directory, and an engine is started for it on first use, so an
 * instance pays nothing for fine-tuned models nobody calls. The engine knows it by the directory name; requests
 * are renamed on the way in.
 */
export class FineTunedProvider implements ModelProvider {
  readonly name = 'fine-tuned';
  private engine: EmbeddedProvider | null = null;

  constructor(
    private readonly descriptor: ModelDescriptor,
    private readonly directory: string,
    private readonly settings: Omit<EngineSettings, keyof typeof ENGINE_TUNING>,
    /** The base's provider: same tokenizer, so it counts and decodes tokens for the fine-tuned model. */
    private readonly base: ModelProvider,
    private readonly baseModel: string,
  ) {}

  /** Writes the model directory (atomically: a concurrent reader sees the old copy or the whole new one). */
  static materialize(cacheDirectory: string, key: string, baseDirectory: string, onnx: Uint8Array): string {
    const directory = path.join(cacheDirectory, key);
    if (fs.existsSync(path.join(directory, 'onnx', 'model.onnx'))) {
      return directory;
    }
    const staging = `${directory}.${process.pid}.${Date.now()}.tmp`;
    fs.mkdirSync(path.join(staging, 'onnx'), { recursive: true });
    for (const file of BASE_FILES) {
      if (fs.existsSync(path.join(baseDirectory, file))) {
        fs.copyFileSync(path.join(baseDirectory, file), path.join(staging, file));
      }
    }
    fs.writeFileSync(path.join(staging, 'onnx', 'model.onnx'), onnx);
    try {
      fs.renameSync(staging, directory);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(directory)) {
        throw err;
      }
    }
    return directory;
  }

  models(): ModelDescriptor[] {
    return [this.descriptor];
  }

  countTokens(_model: string, text: string): number {
    return this.base.countTokens?.(this.baseModel, text) ?? 0;
  }

  /** The base's chat template: the chat route prompts the model exactly as its chat examples were rendered. */
  renderChat(_model: string, messages: ChatMessage[]): string {
    if (!this.base.renderChat) {
      throw new Error(`the base model ${this.baseModel} has no chat template`);
    }
    return this.base.renderChat(this.baseModel, messages);
  }

  detokenize(_model: string, ids: number[]): string {
    return this.base.detokenize?.(this.baseModel, ids) ?? '';
  }

  async complete(request: GenerationRequest): Promise<GenerationResult> {
    return this.provider().complete(this.rename(request));
  }

  async *stream(request: GenerationRequest): AsyncIterable<StreamEvent> {
    yield* this.provider().stream(this.rename(request));
  }

  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.close();
  }

  private rename(request: GenerationRequest): GenerationRequest {
    return { ...request, model: path.basename(this.directory) };
  }

  /**
   * The model's files are read on first use, and its engine starts with the first generation (EmbeddedProvider);
   * a failed read or start is retried by the next request rather than cached.
   */
  private provider(): EmbeddedProvider {
    this.engine ??= EmbeddedProvider.load({
      directory: path.dirname(this.directory),
      models: [path.basename(this.directory)],
      engine: { ...this.settings, ...ENGINE_TUNING },
    });
    return this.engine;
  }
}
