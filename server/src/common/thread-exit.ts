import { Worker } from 'node:worker_threads';

/** How long a model thread has to finish what it is running and exit, before it is terminated. */
const EXIT_GRACE_MS = 5_000;

/**
 * Asks a thread that holds an onnxruntime session to exit (it does so between runs) and waits until it has. Terminating
 * it while the runtime runs or loads a model aborts the whole process (the runtime calls back into a torn-down thread:
 * `terminate called after throwing an instance of 'Napi::Error'`), so `terminate` is only for a thread that does not
 * exit in time.
 */
export async function askThreadToExit(worker: Worker, exitMessage: unknown): Promise<void> {
  // -1: the thread has stopped already (its 'exit' event may not have been emitted yet, or was emitted before).
  if (worker.threadId === -1) return;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage(exitMessage);
  let overdue: NodeJS.Timeout | undefined;
  const terminated = new Promise<void>((resolve) => {
    overdue = setTimeout(() => void worker.terminate().finally(resolve), EXIT_GRACE_MS);
  });
  await Promise.race([exited, terminated]);
  clearTimeout(overdue);
}
