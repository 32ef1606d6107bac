import { FinishCause, PromptLogprobs, SchedulerStats, SequenceJob } from './batch-scheduler';
import { ModelSpec } from './model-spec';
import { CacheMode } from './onnx-decoder';
import { TopCandidates } from './sampler';

/** Messages between the engine pool (main thread) and its worker threads. */
export interface WorkerSettings {
  models: ModelSpec[];
  maxBatch: number;
  granularity: number;
  /** Events are sent at most this often while a batch runs (and at once when a sequence starts or ends). */
  flushIntervalMs: number;
}

export type WorkerCommand =
  | { type: 'submit'; model: string; jobs: SequenceJob[] }
  | { type: 'cancel'; ids: number[]; byClient: boolean }
  /** End the thread once no step or model load is running (see EnginePool.close). */
  | { type: 'close' };

/** Values per generated token in `EventBatch.tokens`: sequence id, token id, log-probability. */
export const TOKEN_FIELDS = 3;

/**
 * Everything that happened since the last batch; per sequence, the groups are in the order they occurred.
 * Tokens travel as one flat Float64Array because a message per step is the engine's hottest path and typed
 * arrays are the cheapest thing to clone between threads; the rarer groups are only present when not empty.
 */
export interface EventBatch {
  tokens: Float64Array;
  /** Alternatives of each token, aligned with `tokens`, when any sequence asked for logprobs. */
  tops?: (TopCandidates | null)[];
  admitted?: number[];
  prompts?: Array<{ id: number; logprobs: PromptLogprobs }>;
  finished?: Array<{ id: number; cause: FinishCause }>;
  failed?: Array<{ id: number; message: string }>;
  /** Cumulative, per model; sent with events that change them and otherwise every so often. */
  stats?: Record<string, SchedulerStats>;
}

export type WorkerEvent =
  | { type: 'ready'; models: Array<{ id: string; mode: CacheMode }> }
  | { type: 'load-failed'; model: string; message: string }
  | { type: 'events'; batch: EventBatch };
