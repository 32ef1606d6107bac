import { parentPort, workerData } from 'node:worker_threads';
import { ClassifierManifest } from './classifier.manifest';
import { ClassifiedText, createClassifierScorer } from './classifier-scorer';

export interface ClassifyMessage {
  id: number;
  texts: string[];
  /** Per text: the logit margin its sentences read alone must clear (the direction's). */
  sentenceMargins: number[];
}

export type ClassifierReply = { id: number; results: ClassifiedText[] } | { id: number; error: string };

/** Runs in a worker thread: scores the texts of each message with its own session (`classifier-scorer.ts`). */
async function main(): Promise<void> {
  const scorer = await createClassifierScorer(workerData as ClassifierManifest);
  parentPort!.on('message', (message: ClassifyMessage) => {
    scorer.classify(message.texts, message.sentenceMargins).then(
      (results) => parentPort!.postMessage({ id: message.id, results } satisfies ClassifierReply),
      (err: unknown) =>
        parentPort!.postMessage({
          id: message.id,
          error: err instanceof Error ? err.message : String(err),
        } satisfies ClassifierReply),
    );
  });
  parentPort!.postMessage({ ready: true });
}

void main().catch((err: unknown) => {
  parentPort!.postMessage({ fatal: err instanceof Error ? err.message : String(err) });
});
