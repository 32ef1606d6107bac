import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import path from 'node:path';
import { EventLoopUtilization, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Logger } from 'pino';
import { LOGGER } from '../../common/logger.module';
import { WardenConfig } from '../../config/config';
import { WARDEN_CONFIG } from '../../config/config.module';
import { ModerationCategory } from '../moderation.types';
import { ClassifierManifest, loadClassifierManifest } from './classifier.manifest';
import { ClassifierReply, ClassifyMessage } from './classifier.worker';
import { ClassifierScorer, createClassifierScorer } from './classifier-scorer';

const MAX_BATCH_TEXTS = 32;
/**
 * Texts up to this many characters in all (four windows of the default model) may be scored on the main thread:
 * tokenizing and one run take ≈ 0.1–0.3 ms there, less than handing them to a worker thread and back costs.
 */
const INLINE_MAX_CHARS = 2_000;
/** The main thread scores inline only while its event loop was busy less than this share of the last interval. */
const INLINE_MAX_UTILIZATION = 0.5;
const UTILIZATION_INTERVAL_MS = 100;

interface Pending {
  text: string;
  resolve: (scores: number[]) => void;
  reject: (err: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  inFlight?: { id: number; items: Pending[] };
}

/**
 * The moderation classifier: a pool of worker threads each holding an ONNX session, and one more session on the
 * main thread for short texts while the api is lightly loaded. Texts from concurrent requests queue up while the
 * workers are busy and go together as the next batch.
 */
@Injectable()
export class ClassifierService implements OnModuleInit, OnModuleDestroy {
  private manifest!: ClassifierManifest;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private stopping = false;
  private dispatchScheduled = false;
  private inline?: ClassifierScorer;
  /** Inline scorings started and not yet finished (each waits for its turn of the event loop). */
  private inlineInFlight = 0;
  /** Share of the last interval the main thread's event loop was busy (0–1). */
  private utilization = 1;
  private utilizationTimer?: NodeJS.Timeout;

  constructor(
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.manifest = loadClassifierManifest(this.config.moderation.classifierDirectory);
    await Promise.all(Array.from({ length: this.config.moderation.threads }, () => this.spawn()));
    this.inline = await createClassifierScorer(this.manifest);
    let last: EventLoopUtilization = performance.eventLoopUtilization();
    this.utilizationTimer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.utilization = performance.eventLoopUtilization(now, last).utilization;
      last = now;
    }, UTILIZATION_INTERVAL_MS).unref();
    this.logger.info(
      { classifier: this.manifest.name, labels: this.manifest.labels.filter(Boolean).length },
      'moderation classifier loaded',
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.utilizationTimer);
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  get name(): string {
    return this.manifest.name;
  }

  get labels(): (ModerationCategory | null)[] {
    return this.manifest.labels;
  }

  /** The score at which the model's own calibration calls a label present. */
  threshold(category: ModerationCategory): number {
    return this.manifest.thresholds[category] ?? 0.5;
  }

  /**
   * Scores of every output column for each text. Short texts are scored on the main thread while it is lightly
   * loaded (`scoresInline`) and no other call is being scored. Otherwise a worker that is idle takes the texts at once, so it scores them while the
   * caller's thread runs the rule checks. When every worker is busy, texts queue and go together as the next batch
   * as soon as a worker is free; callers in the same turn of the event loop share it (the hand-off then waits for
   * the turn's I/O callbacks: requests answered by one Redis or upstream read resume together).
   */
  scores(texts: string[]): Promise<number[][]> {
    if (this.inline && this.idle() && scoresInline(texts, this.utilization)) {
      this.inlineInFlight++;
      return this.inline.classify(texts).finally(() => this.inlineInFlight--);
    }
    const result = Promise.all(
      texts.map(
        (text) => new Promise<number[]>((resolve, reject) => this.queue.push({ text, resolve, reject })),
      ),
    );
    if (this.workers.some((slot) => !slot.busy)) {
      this.dispatch();
    } else if (!this.dispatchScheduled) {
      this.dispatchScheduled = true;
      setImmediate(() => {
        this.dispatchScheduled = false;
        this.dispatch();
      });
    }
    return result;
  }

  /** No other call is being scored: calls that overlap go to the workers, which batch them. */
  private idle(): boolean {
    return this.inlineInFlight === 0 && this.queue.length === 0 && this.workers.every((slot) => !slot.busy);
  }

  private dispatch(): void {
    for (const slot of this.workers) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const items = this.queue.splice(0, MAX_BATCH_TEXTS);
      const id = this.nextId++;
      slot.busy = true;
      slot.inFlight = { id, items };
      slot.worker.postMessage({ id, texts: items.map((item) => item.text) } satisfies ClassifyMessage);
    }
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, 'classifier.worker.js'), { workerData: this.manifest });
      const slot: PoolWorker = { worker, busy: false };
      worker.on('message', (message: ClassifierReply | { ready: true } | { fatal: string }) => {
        if ('ready' in message) {
          this.workers.push(slot);
          resolve();
          return;
        }
        if ('fatal' in message) {
          reject(new Error(`moderation classifier failed to load: ${message.fatal}`));
          return;
        }
        const batch = slot.inFlight;
        slot.busy = false;
        slot.inFlight = undefined;
        if (batch && batch.id === message.id) {
          batch.items.forEach((item, index) =>
            'scores' in message ? item.resolve(message.scores[index]) : item.reject(new Error(message.error)),
          );
        }
        this.dispatch();
      });
      worker.on('error', (err) => {
        slot.inFlight?.items.forEach((item) => item.reject(err));
        slot.inFlight = undefined;
        reject(err);
      });
      worker.on('exit', (code) => {
        const index = this.workers.indexOf(slot);
        if (index < 0 || this.stopping) return;
        this.workers.splice(index, 1);
        this.logger.error({ code }, 'moderation classifier worker exited; starting another');
        void this.spawn().then(() => this.dispatch());
      });
    });
  }
}

/**
 * Whether texts are scored on the main thread instead of a worker: only short ones (bounded work, so no request can
 * hold the event loop) and only while the loop has room. A hand-off is two thread wake-ups and two structured
 * clones (`postMessage` was the api's costliest function at 100 req/s), and each wake-up waits for a core: under
 * a busy machine that wait is the default policy's p99. Calls that overlap (the service checks that) and a busy
 * loop go to the worker threads, which score in parallel with the main thread and batch across requests (one run
 * for many texts): gated on the loop alone, inline scoring cost 19–23 % more CPU per request under saturation.
 */
export function scoresInline(texts: string[], utilization: number): boolean {
  if (utilization >= INLINE_MAX_UTILIZATION) return false;
  let chars = 0;
  for (const text of texts) chars += text.length;
  return chars <= INLINE_MAX_CHARS;
}
