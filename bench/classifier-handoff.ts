/**
 * What one classifier call costs on the api's side, one call at a time (as at 100 req/s, where calls rarely overlap):
 * scored on the calling thread (`classifier-scorer.ts`) against handed to a worker thread and back (the pool's
 * path), on the gateway bench's prompt and a short answer. Process CPU time (all threads) and wall time per call,
 * rounds interleaved, medians shown. CPU time stays meaningful on a busy machine where wall time does not.
 *
 *   node dist/bench/classifier-handoff.js [rounds] [calls per round]
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadClassifierManifest } from '../server/src/moderation/classifier/classifier.manifest';
import {
  ClassifiedText,
  createClassifierScorer,
} from '../server/src/moderation/classifier/classifier-scorer';
import { ClassifierReply } from '../server/src/moderation/classifier/classifier.worker';
import { loadAverage, median, REPOSITORY_ROOT } from './gateway-processes';

const TEXTS = [
  'Write a short, friendly note thanking a colleague for helping move the planning meeting to Thursday afternoon.',
  'Thank you so much for moving the planning meeting to Thursday afternoon; it made the week much easier.',
];

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 7);
  const calls = Number(process.argv[3] ?? 400);
  const manifest = loadClassifierManifest(path.join(REPOSITORY_ROOT, 'models', 'moderation'));
  const inline = await createClassifierScorer(manifest);
  const worker = new Worker(
    path.join(__dirname, '..', 'server', 'src', 'moderation', 'classifier', 'classifier.worker.js'),
    {
      workerData: manifest,
    },
  );
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  let nextId = 0;
  const handOff = (texts: string[]) =>
    new Promise<ClassifiedText[]>((resolve, reject) => {
      const id = nextId++;
      worker.once('message', (reply: ClassifierReply) =>
        'results' in reply && reply.id === id ? resolve(reply.results) : reject(new Error('bad reply')),
      );
      worker.postMessage({ id, texts: [...texts] });
    });
  const ways = { 'main thread (inline)': (t: string[]) => inline.classify(t), 'worker hand-off': handOff };
  const results: Record<string, { cpu: number[]; wall: number[] }> = {};
  for (const name of Object.keys(ways)) results[name] = { cpu: [], wall: [] };
  for (let round = 0; round < rounds + 1; round++) {
    for (const [name, score] of Object.entries(ways)) {
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      for (let i = 0; i < calls; i++) await score([TEXTS[i % 2]]);
      const cpu = process.cpuUsage(cpu0);
      if (round === 0) continue; // warm-up
      results[name].cpu.push((cpu.user + cpu.system) / calls);
      results[name].wall.push(((performance.now() - wall0) * 1000) / calls);
    }
  }
  await worker.terminate();
  console.log(`load average ${loadAverage()}; ${rounds} rounds × ${calls} calls of one text, medians`);
  console.log('| way | process CPU µs/call | wall µs/call |\n| --- | ---: | ---: |');
  for (const [name, { cpu, wall }] of Object.entries(results)) {
    console.log(`| ${name} | ${median(cpu).toFixed(0)} | ${median(wall).toFixed(0)} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
