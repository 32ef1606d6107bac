import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LineProblem, TrainingFormat, validateTrainingFile } from './training-file';

/** What an upload needs of a validated file: its format and size, or what is wrong with it. */
export type TrainingFileVerdict =
  { ok: true; format: TrainingFormat; examples: number } | { ok: false; problems: LineProblem[] };

/** What the validation thread is given, and gives back with its verdict. */
export interface TrainingFileBytes {
  buffer: ArrayBuffer;
  offset: number;
  length: number;
}

/**
 * Files at least this large are validated off the event loop: decoding and parsing a 32 MiB file line by line takes
 * about a third of a second here, which no other request should wait for; a small file stays inline, where starting
 * a thread would cost more than the check.
 */
export const OFF_THREAD_BYTES = 256 * 1024;

/**
 * Validates a training file, in a thread of its own when it is large (see OFF_THREAD_BYTES). The bytes are moved to
 * the thread and back rather than copied (a copy of 32 MiB costs the event loop about 0.1 s): `content` may be
 * detached afterwards, and the returned buffer holds the same bytes.
 */
export async function checkTrainingFile(
  content: Buffer,
): Promise<{ verdict: TrainingFileVerdict; content: Buffer }> {
  if (content.length < OFF_THREAD_BYTES || !(content.buffer instanceof ArrayBuffer)) {
    return { verdict: verdictOf(content), content };
  }
  const bytes: TrainingFileBytes = {
    buffer: content.buffer,
    offset: content.byteOffset,
    length: content.length,
  };
  let worker: Worker;
  try {
    worker = new Worker(path.join(__dirname, 'training-file.worker.js'), {
      workerData: bytes,
      transferList: [bytes.buffer],
    });
  } catch {
    // A buffer that cannot be moved (one from Node's shared pool) is small enough to check here.
    return { verdict: verdictOf(content), content };
  }
  const reply = await new Promise<{ verdict: TrainingFileVerdict; bytes: TrainingFileBytes }>(
    (resolve, reject) => {
      let settled = false;
      worker.once('message', (message: { verdict: TrainingFileVerdict; bytes: TrainingFileBytes }) => {
        settled = true;
        resolve(message);
      });
      worker.once('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`training-file validation thread exited with code ${code}`));
      });
    },
  );
  return {
    verdict: reply.verdict,
    content: Buffer.from(reply.bytes.buffer, reply.bytes.offset, reply.bytes.length),
  };
}

export function verdictOf(content: Buffer): TrainingFileVerdict {
  const validated = validateTrainingFile(content);
  return validated.ok
    ? { ok: true, format: validated.format, examples: validated.examples.length }
    : { ok: false, problems: validated.problems };
}
