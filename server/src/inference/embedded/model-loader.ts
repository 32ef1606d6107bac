import fs from 'node:fs';
import path from 'node:path';
import { ChatTemplate, ChatTemplateConfig } from './chat-template';
import { ModelSpec } from './model-spec';
import { ModelTokenizer, TokenizerJson } from './model-tokenizer';

/** Where Optimum and friends put the decoder, most specific first. */
const ONNX_CANDIDATES = [
  'onnx/model.onnx',
  'onnx/decoder_model_merged.onnx',
  'decoder_model_merged.onnx',
  'model.onnx',
];

export interface LoadedModel {
  spec: ModelSpec;
  tokenizer: ModelTokenizer;
  chatTemplate: ChatTemplate;
}

/** A configured model directory that cannot be served; start-up stops with this message. */
export class ModelLoadError extends Error {
  constructor(directory: string, problem: string) {
    super(`embedded model ${path.basename(directory)} (${directory}): ${problem}`);
  }
}

interface ModelConfigJson {
  max_position_embeddings?: number;
  n_positions?: number;
  n_ctx?: number;
  max_sequence_length?: number;
  seq_length?: number;
  vocab_size?: number;
  eos_token_id?: number | number[] | null;
  bos_token_id?: number | null;
  num_attention_heads?: number;
  num_key_value_heads?: number;
  n_head?: number;
  head_dim?: number;
  hidden_size?: number;
  n_embd?: number;
}

/** Reads a Hugging Face / Optimum model directory: config.json, tokenizer.json and an ONNX decoder. */
export function loadModelDirectory(directory: string): LoadedModel {
  const fail = (problem: string) => new ModelLoadError(directory, problem);
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    throw fail('the directory does not exist (check WARDEN_MODELS_DIR and WARDEN_EMBEDDED_MODELS)');
  }
  const config = readJson<ModelConfigJson>(directory, 'config.json', fail);
  const generation = fs.existsSync(path.join(directory, 'generation_config.json'))
    ? readJson<ModelConfigJson>(directory, 'generation_config.json', fail)
    : {};
  const onnx = ONNX_CANDIDATES.map((candidate) => path.join(directory, candidate)).find((file) =>
    fs.existsSync(file),
  );
  if (!onnx) {
    throw fail(`no ONNX decoder found (looked for ${ONNX_CANDIDATES.join(', ')})`);
  }
  const contextLength =
    config.max_position_embeddings ??
    config.n_positions ??
    config.n_ctx ??
    config.max_sequence_length ??
    config.seq_length;
  if (!isPositiveInteger(contextLength)) {
    throw fail('config.json does not give the context length (max_position_embeddings or n_positions)');
  }
  const tokenizerJson = readJson<TokenizerJson>(directory, 'tokenizer.json', fail);
  const tokenizerConfig = fs.existsSync(path.join(directory, 'tokenizer_config.json'))
    ? readJson<ChatTemplateConfig>(directory, 'tokenizer_config.json', fail)
    : {};
  let tokenizer: ModelTokenizer;
  try {
    tokenizer = ModelTokenizer.fromJson(tokenizerJson, tokenizerConfig);
  } catch (err) {
    throw fail(`tokenizer.json cannot be loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  let chatTemplate: ChatTemplate;
  try {
    chatTemplate = ChatTemplate.fromConfig(
      tokenizerConfig,
      (tokenizerJson.added_tokens ?? []).filter((token) => token.special).map((token) => token.content),
    );
  } catch (err) {
    throw fail(`the chat_template cannot be parsed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const eos = generation.eos_token_id ?? config.eos_token_id;
  const eosTokenIds = (eos === null || eos === undefined ? [] : [eos].flat()).filter(isNonNegativeInteger);
  const bos = generation.bos_token_id ?? config.bos_token_id;
  const attentionHeads = config.num_attention_heads ?? config.n_head;
  const hidden = config.hidden_size ?? config.n_embd;
  return {
    spec: {
      id: path.basename(directory),
      directory,
      onnxPath: onnx,
      contextLength,
      vocabSize: config.vocab_size ?? tokenizer.vocabSize,
      eosTokenIds,
      bosTokenId: isNonNegativeInteger(bos) ? bos : null,
      kvHeads: config.num_key_value_heads ?? attentionHeads ?? null,
      headDim: config.head_dim ?? (hidden && attentionHeads ? hidden / attentionHeads : null),
    },
    tokenizer,
    chatTemplate,
  };
}

function readJson<T>(directory: string, file: string, fail: (problem: string) => Error): T {
  const full = path.join(directory, file);
  if (!fs.existsSync(full)) {
    throw fail(`${file} is missing`);
  }
  try {
    return JSON.parse(fs.readFileSync(full, 'utf8')) as T;
  } catch (err) {
    throw fail(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
