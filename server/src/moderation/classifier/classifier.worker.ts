import { parentPort, workerData } from 'node:worker_threads';
import { ClassifierManifest } from './classifier.manifest';
import { ClassifiedText, createClassifierScorer } from './classifier-scorer';

export interface ClassifyMessage {
  id: number;
  texts: string[];
  /** Per text: the logit margin its sentences read alone must clear (the direction's). */
  sentenceMargins: number[];
}

/** Sent instead of texts: end the thread once no batch is being scored (see ClassifierService.onModuleDestroy). */
export interface CloseMessage {
  close: true;
}

export type ClassifierReply = { id: number; results: ClassifiedText[] } | { id: number; error: string };

let scoring = 0;
let closing = false;

/**
 * The thread ends itself between batches: terminated from outside while onnxruntime scores one, it would have the
 * runtime call back into a torn-down thread, which aborts the whole process.
 */
function exitIfIdle(): void {
  if (closing && scoring === 0) process.exit(0);
}

/** Runs in a worker thread: scores the texts of each message with its own session (`classifier-scorer.ts`). */
async function main(): Promise<void> {
  const scorer = await createClassifierScorer(workerData as ClassifierManifest);
  parentPort!.on('message', (message: ClassifyMessage | CloseMessage) => {
    if ('close' in message) {
      closing = true;
      exitIfIdle();
      return;
    }
    scoring++;
    scorer
      .classify(message.texts, message.sentenceMargins)
      .then(
        (results) => parentPort!.postMessage({ id: message.id, results } satisfies ClassifierReply),
        (err: unknown) =>
          parentPort!.postMessage({
            id: message.id,
            error: err instanceof Error ? err.message : String(err),
          } satisfies ClassifierReply),
      )
      .finally(() => {
        scoring--;
        exitIfIdle();
      });
  });
  parentPort!.postMessage({ ready: true });
}

void main().catch((err: unknown) => {
  parentPort!.postMessage({ fatal: err instanceof Error ? err.message : String(err) });
});
