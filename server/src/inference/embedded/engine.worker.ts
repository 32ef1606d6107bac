import { parentPort, workerData } from 'node:worker_threads';
import { BatchScheduler, SchedulerSink } from './batch-scheduler';
import { EventBatch, TOKEN_FIELDS, WorkerCommand, WorkerEvent, WorkerSettings } from './engine-protocol';
import { OnnxBatchDecoder } from './onnx-decoder';
import { TopCandidates } from './sampler';

/**
 * A worker thread of the embedded engine: one ONNX session and one running batch per model, stepped in turn for as
 * long as any has work. Commands arrive between steps (each step awaits onnxruntime), which is when cancellations
 * and new sequences take effect.
 */
const settings = workerData as WorkerSettings;
const port = parentPort!;
const schedulers = new Map<string, BatchScheduler>();
/** How often statistics ride along when nothing else forces them out. */
const STATS_INTERVAL_MS = 50;

class PendingEvents {
  /** TOKEN_FIELDS values per token, in a buffer reused from batch to batch (only its used part is sent). */
  tokens: Float64Array;
  tokenCount = 0;
  tops: (TopCandidates | null)[] | null = null;
  admitted: number[] = [];
  prompts: NonNullable<EventBatch['prompts']> = [];
  finished: NonNullable<EventBatch['finished']> = [];
  failed: NonNullable<EventBatch['failed']> = [];
  /** Something the main thread should hear about at once (a sequence started, ended or failed). */
  urgent = false;

  constructor(tokens: Float64Array) {
    this.tokens = tokens;
  }

  pushToken(id: number, token: number, logprob: number): void {
    let at = this.tokenCount * TOKEN_FIELDS;
    if (at + TOKEN_FIELDS > this.tokens.length) {
      const grown = new Float64Array(this.tokens.length * 2);
      grown.set(this.tokens);
      this.tokens = grown;
    }
    this.tokens[at++] = id;
    this.tokens[at++] = token;
    this.tokens[at] = logprob;
    this.tokenCount++;
  }
}

let pending = new PendingEvents(new Float64Array(TOKEN_FIELDS * 256));
let lastFlush = performance.now();
let lastStats = 0;
let running = false;
let loading = true;
let closing = false;

/**
 * The thread ends itself, between steps: terminated from outside while onnxruntime runs a step or loads a model, it
 * would have the runtime call back into a torn-down thread, which aborts the whole process.
 */
function exitIfIdle(): void {
  if (closing && !running && !loading) process.exit(0);
}

const sink: SchedulerSink = {
  admitted: (id) => {
    pending.admitted.push(id);
    pending.urgent = true;
  },
  prompt: (id, logprobs) => pending.prompts.push({ id, logprobs }),
  token: (id, sampled) => {
    if (sampled.top && !pending.tops) {
      pending.tops = new Array<TopCandidates | null>(pending.tokenCount).fill(null);
    }
    pending.pushToken(id, sampled.token, sampled.logprob);
    pending.tops?.push(sampled.top);
  },
  finished: (id, cause) => {
    pending.finished.push({ id, cause });
    pending.urgent = true;
  },
  failed: (id, message) => {
    pending.failed.push({ id, message });
    pending.urgent = true;
  },
};

function post(event: WorkerEvent): void {
  port.postMessage(event);
}

function flush(force: boolean): void {
  const events = pending;
  const now = performance.now();
  const batch: EventBatch = { tokens: events.tokens.slice(0, events.tokenCount * TOKEN_FIELDS) };
  if (events.tops) batch.tops = events.tops;
  if (events.admitted.length > 0) batch.admitted = events.admitted;
  if (events.prompts.length > 0) batch.prompts = events.prompts;
  if (events.finished.length > 0) batch.finished = events.finished;
  if (events.failed.length > 0) batch.failed = events.failed;
  if (force || events.urgent || now - lastStats >= STATS_INTERVAL_MS) {
    batch.stats = {};
    for (const [model, scheduler] of schedulers) {
      batch.stats[model] = scheduler.stats();
    }
    lastStats = now;
  }
  post({ type: 'events', batch });
  pending = new PendingEvents(events.tokens);
  lastFlush = now;
}

async function loop(): Promise<void> {
  try {
    while (!closing) {
      let worked = false;
      for (const scheduler of schedulers.values()) {
        if (scheduler.hasWork()) {
          await scheduler.step();
          worked = true;
        }
      }
      if (!worked) {
        break;
      }
      if (pending.urgent || performance.now() - lastFlush >= settings.flushIntervalMs) {
        flush(false);
      }
    }
  } finally {
    running = false;
    flush(true);
    exitIfIdle();
  }
}

function wake(): void {
  if (!running && !closing) {
    running = true;
    void loop();
  }
}

port.on('message', (command: WorkerCommand) => {
  if (command.type === 'close') {
    closing = true;
    exitIfIdle();
    return;
  }
  if (command.type === 'submit') {
    schedulers.get(command.model)?.enqueue(command.jobs);
  } else {
    schedulers.forEach((scheduler) => scheduler.cancel(command.ids, command.byClient));
  }
  wake();
});

async function start(): Promise<void> {
  const modes: Array<{ id: string; mode: OnnxBatchDecoder['mode'] }> = [];
  for (const spec of settings.models) {
    let decoder: OnnxBatchDecoder;
    try {
      decoder = await OnnxBatchDecoder.load(spec, {
        maxRows: settings.maxBatch,
        granularity: settings.granularity,
      });
    } catch (err) {
      post({
        type: 'load-failed',
        model: spec.id,
        message: err instanceof Error ? err.message : String(err),
      });
      loading = false;
      exitIfIdle();
      return;
    }
    schedulers.set(
      spec.id,
      new BatchScheduler(decoder, { contextLength: spec.contextLength, eosTokenIds: spec.eosTokenIds }, sink),
    );
    modes.push({ id: spec.id, mode: decoder.mode });
  }
  loading = false;
  post({ type: 'ready', models: modes });
  exitIfIdle();
}

void start();
