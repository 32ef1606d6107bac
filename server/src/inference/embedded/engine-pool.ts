import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { askThreadToExit } from '../../common/thread-exit';
import { InferenceBackendError, InferenceErrorCode } from '../inference.errors';
import { FinishCause, PromptLogprobs, SchedulerStats, SequenceJob } from './batch-scheduler';
import { EventBatch, TOKEN_FIELDS, WorkerCommand, WorkerEvent, WorkerSettings } from './engine-protocol';
import { ModelSpec } from './model-spec';
import { CacheMode } from './onnx-decoder';
import { TopCandidates } from './sampler';

export interface EngineSettings {
  /** Worker threads, each with its own sessions (one onnxruntime intra-op thread each). */
  threads: number;
  maxBatch: number;
  /** Sequences waiting for a batch slot, across workers, beyond which requests are refused. */
  queueLimit: number;
  granularity: number;
  flushIntervalMs: number;
}

export interface EngineStats {
  activeSequences: number;
  queued: number;
  tokensGenerated: number;
  cancelledSequences: number;
  steps: number;
}

export interface SequenceListener {
  admitted(): void;
  prompt(logprobs: PromptLogprobs): void;
  token(token: number, logprob: number, top: TopCandidates | null): void;
  finished(cause: FinishCause): void;
  failed(error: Error): void;
}

/** Told after every batch of engine events; feeds the Prometheus metrics. */
export interface EngineObserver {
  progressed(
    model: string,
    change: { tokens: number; cancelled: number; active: number; queued: number },
  ): void;
}

interface Tracked {
  listener: SequenceListener;
  model: string;
  worker: WorkerHandle;
  admitted: boolean;
}

interface WorkerHandle {
  worker: Worker;
  ready: boolean;
  live: number;
  stats: Record<string, SchedulerStats>;
}

/** Engine settings that are not the operator's business. */
export const ENGINE_TUNING = {
  /**
   * Cache capacity steps (slots); a multiple of 16 keeps rows computing alike alone or batched (see KvCache). Every
   * row attends over the whole capacity, so the smallest such step wastes least: 16 cut a step of 8 rows by ≈ 4 % of
   * CPU against 32 (bench/engine-step.ts), the extra re-layouts included.
   */
  granularity: 16,
  /**
   * Engine events are coalesced for this long (starts and ends go at once): far below what a stream's reader notices,
   * while every message costs the worker a wake-up of the main thread (~35 µs, more when that preempts it) and the
   * main thread a round of its per-stream work. 2 ms sent ~6 tokens per message at one stream; 8 ms sends ~25.
   */
  flushIntervalMs: 8,
} as const;

/** Compiled next to this file; the unit specs run TypeScript sources, which a worker thread cannot load. */
const WORKER_FILE = path.join(__dirname, 'engine.worker.js');
const COUNTED_STATS = ['tokensGenerated', 'cancelledSequences', 'steps'] as const;

/**
 * The main-thread side of the embedded engine: worker threads running the batches, a bounded queue, routing of
 * each worker's events to the sequence they belong to, and the engine's statistics.
 */
export class EnginePool {
  readonly modes = new Map<string, CacheMode>();
  private readonly workers: WorkerHandle[] = [];
  private readonly sequences = new Map<number, Tracked>();
  private readonly perModel = new Map<string, { active: number; queued: number }>();
  /** Totals of workers that were replaced after a crash, so counters never go backwards. */
  private readonly retired: EngineStats = {
    activeSequences: 0,
    queued: 0,
    tokensGenerated: 0,
    cancelledSequences: 0,
    steps: 0,
  };
  private nextId = 1;
  private closing = false;

  private constructor(
    private readonly specs: ModelSpec[],
    private readonly settings: EngineSettings,
    private readonly observer: EngineObserver | null,
  ) {
    specs.forEach((spec) => this.perModel.set(spec.id, { active: 0, queued: 0 }));
  }

  static async start(
    specs: ModelSpec[],
    settings: EngineSettings,
    observer: EngineObserver | null = null,
  ): Promise<EnginePool> {
    if (!fs.existsSync(WORKER_FILE)) {
      throw new Error(`the engine worker ${WORKER_FILE} is missing; build with tsc -p tsconfig.build.json`);
    }
    const pool = new EnginePool(specs, settings, observer);
    try {
      await Promise.all(Array.from({ length: settings.threads }, () => pool.spawn()));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  allocateIds(count: number): number[] {
    return Array.from({ length: count }, () => this.nextId++);
  }

  /** Queues the jobs on the least busy worker; all jobs of one request go to the same worker to share prefills. */
  submit(model: string, jobs: SequenceJob[], listeners: SequenceListener[]): void {
    const counts = this.perModel.get(model);
    if (!counts) {
      throw new Error(`the engine does not serve ${model}`);
    }
    const queued = [...this.perModel.values()].reduce((sum, entry) => sum + entry.queued, 0);
    if (queued + jobs.length > this.settings.queueLimit) {
      throw overloaded(
        `The embedded engine is at capacity (${queued} sequences already waiting, limit ${this.settings.queueLimit}); retry shortly.`,
      );
    }
    const worker = this.workers.filter((handle) => handle.ready).sort((a, b) => a.live - b.live)[0];
    if (!worker) {
      throw overloaded('The embedded engine is restarting; retry shortly.');
    }
    jobs.forEach((job, i) =>
      this.sequences.set(job.id, { listener: listeners[i], model, worker, admitted: false }),
    );
    worker.live += jobs.length;
    counts.queued += jobs.length;
    this.send(worker, { type: 'submit', model, jobs });
    this.report(model, 0, 0);
  }

  /** Stops sequences at the next step; `byClient` counts them as cancelled (a stop sequence ending one does not). */
  cancel(ids: number[], byClient: boolean): void {
    const byWorker = new Map<WorkerHandle, number[]>();
    for (const id of ids) {
      const tracked = this.sequences.get(id);
      if (tracked) {
        byWorker.set(tracked.worker, [...(byWorker.get(tracked.worker) ?? []), id]);
      }
    }
    byWorker.forEach((list, worker) => this.send(worker, { type: 'cancel', ids: list, byClient }));
  }

  stats(model?: string): EngineStats {
    const totals: EngineStats =
      model === undefined
        ? { ...this.retired }
        : { activeSequences: 0, queued: 0, tokensGenerated: 0, cancelledSequences: 0, steps: 0 };
    for (const handle of this.workers) {
      for (const [name, stats] of Object.entries(handle.stats)) {
        if (model === undefined || name === model) {
          COUNTED_STATS.forEach((key) => (totals[key] += stats[key]));
        }
      }
    }
    for (const [name, counts] of this.perModel) {
      if (model === undefined || name === model) {
        totals.activeSequences += counts.active;
        totals.queued += counts.queued;
      }
    }
    return totals;
  }

  /**
   * Every worker thread ends after its current step (askThreadToExit: a fine-tuned model withdrawn during a bias run
   * on it once took the worker process down); sequences still running fail with the engine's error.
   */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.workers].map((handle) =>
        askThreadToExit(handle.worker, { type: 'close' } satisfies WorkerCommand),
      ),
    );
  }

  private spawn(): Promise<void> {
    const workerSettings: WorkerSettings = {
      models: this.specs,
      maxBatch: this.settings.maxBatch,
      granularity: this.settings.granularity,
      flushIntervalMs: this.settings.flushIntervalMs,
    };
    const handle: WorkerHandle = {
      worker: new Worker(WORKER_FILE, { workerData: workerSettings }),
      ready: false,
      live: 0,
      stats: {},
    };
    this.workers.push(handle);
    return new Promise((resolve, reject) => {
      handle.worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'ready') {
          handle.ready = true;
          event.models.forEach((model) => this.modes.set(model.id, model.mode));
          resolve();
        } else if (event.type === 'load-failed') {
          const spec = this.specs.find((candidate) => candidate.id === event.model);
          reject(new Error(`embedded model ${event.model} (${spec?.directory ?? '?'}): ${event.message}`));
        } else {
          this.deliver(handle, event.batch);
        }
      });
      handle.worker.on('error', (err) => {
        if (!handle.ready) {
          reject(err);
        }
        this.lose(handle, err);
      });
      handle.worker.on('exit', (code) => {
        if (!handle.ready) {
          reject(new Error(`the engine worker exited with code ${code} while loading`));
        }
        this.lose(
          handle,
          new Error(this.closing ? 'the engine was stopped' : `the engine worker exited with code ${code}`),
        );
      });
    });
  }

  private deliver(handle: WorkerHandle, batch: EventBatch): void {
    for (const id of batch.admitted ?? []) {
      const tracked = this.sequences.get(id);
      if (tracked && !tracked.admitted) {
        tracked.admitted = true;
        const counts = this.perModel.get(tracked.model)!;
        counts.queued--;
        counts.active++;
        tracked.listener.admitted();
      }
    }
    for (const { id, logprobs } of batch.prompts ?? []) {
      this.sequences.get(id)?.listener.prompt(logprobs);
    }
    const { tokens, tops } = batch;
    for (let at = 0, i = 0; at < tokens.length; at += TOKEN_FIELDS, i++) {
      this.sequences.get(tokens[at])?.listener.token(tokens[at + 1], tokens[at + 2], tops?.[i] ?? null);
    }
    for (const { id, cause } of batch.finished ?? []) {
      this.release(id)?.finished(cause);
    }
    for (const { id, message } of batch.failed ?? []) {
      this.release(id)?.failed(
        new InferenceBackendError(InferenceErrorCode.EngineFailed, `The embedded model failed: ${message}`),
      );
    }
    if (batch.stats) {
      const before = handle.stats;
      handle.stats = batch.stats;
      for (const [model, stats] of Object.entries(batch.stats)) {
        const previous = before[model];
        this.report(
          model,
          stats.tokensGenerated - (previous?.tokensGenerated ?? 0),
          stats.cancelledSequences - (previous?.cancelledSequences ?? 0),
        );
      }
    }
  }

  private release(id: number): SequenceListener | undefined {
    const tracked = this.sequences.get(id);
    if (!tracked) {
      return undefined;
    }
    this.sequences.delete(id);
    tracked.worker.live--;
    const counts = this.perModel.get(tracked.model)!;
    if (tracked.admitted) {
      counts.active--;
    } else {
      counts.queued--;
    }
    return tracked.listener;
  }

  /** A crashed worker: its sequences fail, its counts are kept, and a fresh worker takes its place. */
  private lose(handle: WorkerHandle, err: Error): void {
    const index = this.workers.indexOf(handle);
    if (index < 0) {
      return;
    }
    this.workers.splice(index, 1);
    for (const stats of Object.values(handle.stats)) {
      COUNTED_STATS.forEach((key) => (this.retired[key] += stats[key]));
    }
    for (const [id, tracked] of [...this.sequences]) {
      if (tracked.worker === handle) {
        this.release(id)?.failed(
          new InferenceBackendError(
            InferenceErrorCode.EngineFailed,
            `The embedded engine failed: ${err.message}`,
          ),
        );
      }
    }
    if (handle.ready && !this.closing) {
      this.spawn().catch(() => undefined);
    }
  }

  private send(handle: WorkerHandle, command: WorkerCommand): void {
    handle.worker.postMessage(command);
  }

  private report(model: string, tokens: number, cancelled: number): void {
    const counts = this.perModel.get(model);
    if (this.observer && counts) {
      this.observer.progressed(model, { tokens, cancelled, active: counts.active, queued: counts.queued });
    }
  }
}

function overloaded(message: string): InferenceBackendError {
  const error = new InferenceBackendError(InferenceErrorCode.EngineOverloaded, message);
  // The official clients wait this long before their automatic retry.
  error.headers['retry-after'] = '1';
  return error;
}
