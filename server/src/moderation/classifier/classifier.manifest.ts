import fs from 'node:fs';
import path from 'node:path';
import { isModerationCategory, ModerationCategory } from '../moderation.types';

/** What the server needs from a Hugging Face text-classification export (`config.json` with `id2label`). */
export interface ClassifierManifest {
  directory: string;
  name: string;
  modelPath: string;
  tokenizerPath: string;
  tokenizerConfigPath?: string;
  /** Label of each output column; null where the label is not a moderation category. */
  labels: (ModerationCategory | null)[];
  thresholds: Partial<Record<ModerationCategory, number>>;
  /**
   * How much more a sentence read on its own must score than its threshold, in logits, per direction (config
   * `sentence_margin`). Read alone, a harmful request framed by harmless sentences scores as high as unframed; so
   * does an alarming sentence in a long benign text, which is why each direction trades the two apart.
   */
  sentenceMargin: SentenceMargin;
  maxLength: number;
}

export interface SentenceMargin {
  input: number;
  output: number;
}

/**
 * For a model whose config does not say: input favours recall (jailbreak suites frame requests), output the
 * false-positive budget of long generated text (see models/moderation/MODEL_CARD.md, "Sentence readings").
 */
export const DEFAULT_SENTENCE_MARGIN: SentenceMargin = { input: 0.5, output: 2 };

export class ClassifierManifestError extends Error {}

export function loadClassifierManifest(directory: string): ClassifierManifest {
  const configPath = path.join(directory, 'config.json');
  if (!fs.existsSync(configPath)) {
    throw new ClassifierManifestError(`moderation classifier: no config.json in ${directory}`);
  }
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as {
    id2label?: Record<string, string>;
    thresholds?: Record<string, number>;
    sentence_margin?: Partial<SentenceMargin>;
    max_length?: number;
    max_position_embeddings?: number;
    _name_or_path?: string;
    name?: string;
  };
  if (!config.id2label || Object.keys(config.id2label).length === 0) {
    throw new ClassifierManifestError(`moderation classifier: ${configPath} has no id2label`);
  }
  const size = Math.max(...Object.keys(config.id2label).map(Number)) + 1;
  const labels = Array.from({ length: size }, (_, index) => {
    const label = config.id2label![String(index)]?.toLowerCase().replace(/_/g, '-');
    return label && isModerationCategory(label) ? label : null;
  });
  const modelPath = ['onnx/model.onnx', 'model.onnx', 'onnx/model_quantized.onnx']
    .map((candidate) => path.join(directory, candidate))
    .find((candidate) => fs.existsSync(candidate));
  if (!modelPath) {
    throw new ClassifierManifestError(`moderation classifier: no onnx/model.onnx in ${directory}`);
  }
  const tokenizerPath = path.join(directory, 'tokenizer.json');
  if (!fs.existsSync(tokenizerPath)) {
    throw new ClassifierManifestError(`moderation classifier: no tokenizer.json in ${directory}`);
  }
  const tokenizerConfigPath = path.join(directory, 'tokenizer_config.json');
  const thresholds: Partial<Record<ModerationCategory, number>> = {};
  for (const [label, value] of Object.entries(config.thresholds ?? {})) {
    if (isModerationCategory(label) && typeof value === 'number') thresholds[label] = value;
  }
  return {
    directory,
    name: config.name ?? config._name_or_path ?? path.basename(directory),
    modelPath,
    tokenizerPath,
    tokenizerConfigPath: fs.existsSync(tokenizerConfigPath) ? tokenizerConfigPath : undefined,
    labels,
    thresholds,
    sentenceMargin: {
      input: finiteOr(config.sentence_margin?.input, DEFAULT_SENTENCE_MARGIN.input),
      output: finiteOr(config.sentence_margin?.output, DEFAULT_SENTENCE_MARGIN.output),
    },
    maxLength: config.max_length ?? Math.min(config.max_position_embeddings ?? 512, 512),
  };
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
