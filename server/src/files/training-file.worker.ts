import { parentPort, workerData } from 'node:worker_threads';
import { TrainingFileBytes, verdictOf } from './training-file-thread';

/** Runs in a thread of its own per large upload: the verdict on the file it was given, sent back with its bytes. */
const bytes = workerData as TrainingFileBytes;
const verdict = verdictOf(Buffer.from(bytes.buffer, bytes.offset, bytes.length));
parentPort!.postMessage({ verdict, bytes }, [bytes.buffer]);
