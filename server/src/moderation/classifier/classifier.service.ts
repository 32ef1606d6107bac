import { Inject, Injectable, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger } from 'pino';
import { LOGGER } from '../../common/logger.module';
import { MODEL_LOADING, ModelLoading } from '../../common/model-loading';
import { askThreadToExit } from '../../common/thread-exit';
import { WardenConfig } from '../../config/config';
import { WARDEN_CONFIG } from '../../config/config.module';
import { Direction, ModerationCategory } from '../moderation.types';
import { ClassifierManifest, loadClassifierManifest } from './classifier.manifest';
import { ClassifiedText } from './classifier-scorer';
import { ClassifierReply, ClassifyMessage, CloseMessage } from './classifier.worker';

const MAX_BATCH_TEXTS = 32;

interface Pending {
  text: string;
  sentenceMargin: number;
  resolve: (result: ClassifiedText) => void;
  reject: (err: Error) => void;
}

/** One call's texts still waiting for a worker. */
type WaitingCall = Pending[];

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  inFlight?: { id: number; items: Pending[] };
}

/**
 * The moderation classifier, off the event loop: a pool of worker threads each holding an ONNX session.
 * Texts from concurrent requests wait while the workers are busy and go together as the next batch, a text from each
 * waiting call in turn. The threads start with the module, or with the first call where models load on first use.
 */
@Injectable()
export class ClassifierService implements OnModuleInit, OnModuleDestroy {
  private manifest!: ClassifierManifest;
  private readonly workers: PoolWorker[] = [];
  /** Calls with texts still waiting, oldest first. */
  private readonly waiting: WaitingCall[] = [];
  private nextId = 0;
  private stopping = false;
  private dispatchScheduled = false;
  private started: Promise<void> | null = null;

  constructor(
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(MODEL_LOADING) private readonly loading: ModelLoading = ModelLoading.AtStart,
  ) {}

  /** The manifest (labels, thresholds) is read at once either way, so a misconfigured classifier fails every start. */
  async onModuleInit(): Promise<void> {
    this.manifest = loadClassifierManifest(this.config.moderation.classifierDirectory);
    if (this.loading === ModelLoading.AtStart) await this.start();
  }

  /** Each thread ends after the batch it is scoring (askThreadToExit); a start under way finishes first. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.started?.catch(() => undefined);
    await Promise.all(
      this.workers.map(({ worker }) => askThreadToExit(worker, { close: true } satisfies CloseMessage)),
    );
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
   * What the classifier says of each text (see ClassifiedText). A worker that is idle takes the texts at once, so it scores them
   * while the caller's thread runs the rule checks. When every worker is busy, texts wait and go together as the
   * next batch as soon as a worker is free; callers in the same turn of the event loop share it (the hand-off then
   * waits for the turn's I/O callbacks: requests answered by one Redis or upstream read resume together).
   */
  classify(texts: string[], direction: Direction, sentenceMargin?: number | null): Promise<ClassifiedText[]> {
    const margin = sentenceMargin ?? this.manifest.sentenceMargin[direction];
    const call: WaitingCall = [];
    const result = Promise.all(
      texts.map(
        (text) =>
          new Promise<ClassifiedText>((resolve, reject) =>
            call.push({ text, sentenceMargin: margin, resolve, reject }),
          ),
      ),
    );
    if (call.length > 0) this.waiting.push(call);
    if (!this.started) {
      this.start().then(
        () => this.dispatch(),
        (err: Error) =>
          this.waiting.splice(0).forEach((waiting) => waiting.forEach((item) => item.reject(err))),
      );
    } else if (this.workers.some((slot) => !slot.busy)) {
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

  /** Starts the worker threads once; a start that failed is tried again by the next call. */
  private start(): Promise<void> {
    if (!this.started) {
      this.started = Promise.all(
        Array.from({ length: this.config.moderation.threads - this.workers.length }, () => this.spawn()),
      ).then(() =>
        this.logger.info(
          { classifier: this.manifest.name, labels: this.manifest.labels.filter(Boolean).length },
          'moderation classifier loaded',
        ),
      );
      this.started.catch(() => (this.started = null));
    }
    return this.started;
  }

  private dispatch(): void {
    for (const slot of this.workers) {
      if (this.waiting.length === 0) return;
      if (slot.busy) continue;
      const items = this.nextBatch();
      const id = this.nextId++;
      slot.busy = true;
      slot.inFlight = { id, items };
      slot.worker.postMessage({
        id,
        texts: items.map((item) => item.text),
        sentenceMargins: items.map((item) => item.sentenceMargin),
      } satisfies ClassifyMessage);
    }
  }

  /**
   * Texts taken one call at a time in turn, oldest call first, so a call of thousands of texts (one /v1/moderations
   * call may carry 2,048) shares every batch with the calls that came after it instead of holding them all back.
   */
  private nextBatch(): Pending[] {
    const batch: Pending[] = [];
    while (batch.length < MAX_BATCH_TEXTS && this.waiting.length > 0) {
      for (let index = 0; index < this.waiting.length && batch.length < MAX_BATCH_TEXTS;) {
        const call = this.waiting[index];
        batch.push(call.shift()!);
        if (call.length === 0) this.waiting.splice(index, 1);
        else index++;
      }
    }
    return batch;
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
            'results' in message
              ? item.resolve(message.results[index])
              : item.reject(new Error(message.error)),
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
