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
  maxLength: number;
}

export class ClassifierManifestError extends Error {}

export function loadClassifierManifest(directory: string): ClassifierManifest {
  const configPath = path.join(directory, 'config.json');
  if (!fs.existsSync(configPath)) {
    throw new ClassifierManifestError(`moderation classifier: no config.json in ${directory}`);
  }
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as {
    id2label?: Record<string, string>;
    thresholds?: Record<string, number>;
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
    maxLength: config.max_length ?? Math.min(config.max_position_embeddings ?? 512, 512),
  };
}
