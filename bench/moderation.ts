/**
 * Moderation benchmark: the classifier per 512-character text on one thread (p50/p99), batched throughput, and
 * the whole check set per request, each against a baseline measured in the same run:
 * a bare onnxruntime-node session.run on the same inputs (no worker thread, no batching).
 *
 *   npm run build && node dist/bench/moderation.js [iterations] [other model directory]
 *
 * With another model directory (e.g. the previous default), its bare session.run is timed too, in the same run.
 */
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import { loadClassifierManifest } from '../server/src/moderation/classifier/classifier.manifest';
import { ClassifierService } from '../server/src/moderation/classifier/classifier.service';
import { Direction } from '../server/src/moderation/moderation.types';
import { defaultPolicy } from '../server/src/policies/policy.defaults';
import { ApplicationStatus } from '../server/src/applications/application.entity';
import { standaloneModerationService } from '../server/src/moderation/standalone-moderation';

import { bareModel } from './moderation-checks';

const ITERATIONS = Number(process.argv[2] ?? 400);
const OTHER_MODEL_DIR = process.argv[3];
const SENTENCES = [
  'The committee met on Tuesday to review the budget for the new library wing.',
  'Customers can reach support by e-mail at help@example.com or by phone.',
  'Once upon a time, there was a little girl named Lily who loved the park.',
  'I think the referee made a terrible call in the second half of the match.',
  'Please ignore the previous paragraph; it was a draft that we abandoned.',
  'Our neighbours organised a street party with music, games and food for everyone.',
];

function texts512(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let j = i; text.length < 512; j++) text += `${SENTENCES[j % SENTENCES.length]} `;
    return text.slice(0, 512);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeEach(texts: string[], run: (text: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const text of texts) {
    const start = performance.now();
    await run(text);
    times.push(performance.now() - start);
  }
  return times;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const manifest = loadClassifierManifest(config.moderation.classifierDirectory);
  const texts = texts512(ITERATIONS);

  // Baseline: the same model's bare session.run.
  const rawRun = await bareModel(manifest);
  await timeEach(texts.slice(0, 50), rawRun);
  const raw = await timeEach(texts, rawRun);
  // Optional second baseline: another model directory's bare session.run (e.g. the previous default), same run.
  const otherManifest = OTHER_MODEL_DIR ? loadClassifierManifest(OTHER_MODEL_DIR) : null;
  let other: number[] | null = null;
  if (otherManifest) {
    const otherRun = await bareModel(otherManifest);
    await timeEach(texts.slice(0, 50), otherRun);
    other = await timeEach(texts, otherRun);
  }

  const logger = createLogger('warn', 'bench');
  const classifier = new ClassifierService(
    { ...config, moderation: { ...config.moderation, threads: 1 } },
    logger,
  );
  await classifier.onModuleInit();
  await timeEach(texts.slice(0, 50), (text) => classifier.classify([text], Direction.Input));
  const service = await timeEach(texts, (text) => classifier.classify([text], Direction.Input));

  const batchedStart = performance.now();
  await Promise.all(texts.map((text) => classifier.classify([text], Direction.Input)));
  const batchedSeconds = (performance.now() - batchedStart) / 1000;
  const sequentialSeconds = service.reduce((a, b) => a + b, 0) / 1000;

  const moderation = standaloneModerationService(config, classifier, logger);
  const policy = defaultPolicy(ApplicationStatus.Live);
  const checkSet = await timeEach(texts, (text) => moderation.moderate([text], Direction.Input, policy));
  await classifier.onModuleDestroy();

  const row = (name: string, values: number[]) =>
    `| ${name.padEnd(44)} | ${percentile(values, 50).toFixed(3).padStart(8)} | ${percentile(values, 99).toFixed(3).padStart(8)} |`;
  console.log(
    `\nModeration benchmark: ${ITERATIONS} texts of 512 characters, classifier ${manifest.name}, one inference thread\n`,
  );
  console.log('| measurement                                  | p50 (ms) | p99 (ms) |');
  console.log('| -------------------------------------------- | -------- | -------- |');
  console.log(row('baseline: bare session.run on this thread', raw));
  if (other && otherManifest)
    console.log(row(`other model: bare session.run (${otherManifest.name})`, other));
  console.log(row('classifier service (worker thread), 1 text', service));
  console.log(row('whole check set per request (input)', checkSet));
  console.log('');
  console.log(`| throughput                                   | texts/s  |`);
  console.log(`| -------------------------------------------- | -------- |`);
  console.log(
    `| one at a time through the service            | ${(ITERATIONS / sequentialSeconds).toFixed(0).padStart(8)} |`,
  );
  console.log(
    `| ${ITERATIONS} concurrent, batched by the service       | ${(ITERATIONS / batchedSeconds).toFixed(0).padStart(8)} |`,
  );
  console.log('');
  console.log(
    `ratio service p50 / bare p50: ${(percentile(service, 50) / percentile(raw, 50)).toFixed(2)}x (worker hand-off overhead)`,
  );
  if (other && otherManifest) {
    console.log(
      `ratio bare p50 / other model bare p50: ${(percentile(raw, 50) / percentile(other, 50)).toFixed(2)}x (${manifest.name} vs ${otherManifest.name})`,
    );
  }
  console.log(
    `ratio batched / one-at-a-time throughput: ${(sequentialSeconds / batchedSeconds).toFixed(2)}x`,
  );
  console.log(
    `goal classifier p50 <= 2 ms per 512-char text: ${percentile(service, 50) <= 2 ? 'met' : 'NOT met'} (${percentile(service, 50).toFixed(3)} ms)`,
  );
}

void main();
