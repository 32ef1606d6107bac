/**
 * Embedded engine benchmark: greedy tokens/s for one stream and the aggregate of 8 concurrent streams of 256 new
 * tokens through the engine (EmbeddedProvider.stream: worker thread, continuous batching, detokenization — the
 * server's code path without HTTP), against a minimal onnxruntime-node greedy loop with KV cache on the same model,
 * measured in the same run. Rounds are interleaved and the median of each measurement is reported.
 *
 *   npm run build && npm run bench:engine [-- rounds] [model]
 */
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadConfig } from '../server/src/config/config';
import { EmbeddedProvider } from '../server/src/inference/embedded/embedded.provider';
import { ENGINE_TUNING } from '../server/src/inference/embedded/engine-pool';
import { loadModelDirectory } from '../server/src/inference/embedded/model-loader';
import { generationRequest } from '../server/src/inference/model-provider';
import { openRawModel, rawGreedy, Sample, timed } from './engine-raw';

const ROUNDS = Number(process.argv[2] ?? 5);
const NEW_TOKENS = 256;
const STREAMS = 8;
const PROMPTS = [
  'Once upon a time',
  'Tom and Sue',
  'One day, a big dog',
  'Lily',
  'The sun was hot',
  'Ben had a red',
  'There was a bird',
  'Mom said',
];

/** Tokens streamed for one request; the end-of-text ids are biased away so every stream makes all 256 tokens. */
async function streamTokens(
  provider: EmbeddedProvider,
  model: string,
  prompt: string,
  eos: number[],
): Promise<number> {
  const request = generationRequest({
    model,
    prompt,
    maxTokens: NEW_TOKENS,
    temperature: 0,
    logitBias: Object.fromEntries(eos.map((id) => [String(id), -100])),
    signal: new AbortController().signal,
  });
  let tokens = 0;
  for await (const event of provider.stream(request)) {
    if (event.kind === 'usage') tokens = event.usage.completion_tokens;
  }
  if (tokens !== NEW_TOKENS) throw new Error(`a stream produced ${tokens} tokens, not ${NEW_TOKENS}`);
  return tokens;
}

function median(samples: Sample[], key: keyof Sample): number {
  const sorted = samples.map((sample) => sample[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const config = loadConfig();
  const modelName = process.argv[3] ?? config.models.embedded[0] ?? 'stories260K';
  const { spec } = loadModelDirectory(path.join(config.models.directory, modelName));

  const raw = await openRawModel(spec);

  const provider = await EmbeddedProvider.start({
    directory: config.models.directory,
    models: [modelName],
    engine: { ...config.models.engine, ...ENGINE_TUNING },
  });

  const results = {
    raw1: [] as Sample[],
    raw8: [] as Sample[],
    engine1: [] as Sample[],
    engine8: [] as Sample[],
  };
  await rawGreedy(raw, 1, 64);
  await streamTokens(provider, modelName, PROMPTS[0], spec.eosTokenIds);
  for (let round = 0; round < ROUNDS; round++) {
    results.raw1.push(await timed(() => rawGreedy(raw, 1, NEW_TOKENS)));
    results.engine1.push(
      await timed(() => streamTokens(provider, modelName, PROMPTS[round % PROMPTS.length], spec.eosTokenIds)),
    );
    results.engine8.push(
      await timed(async () => {
        const counts = await Promise.all(
          PROMPTS.slice(0, STREAMS).map((prompt) =>
            streamTokens(provider, modelName, prompt, spec.eosTokenIds),
          ),
        );
        return counts.reduce((sum, count) => sum + count, 0);
      }),
    );
    results.raw8.push(await timed(() => rawGreedy(raw, STREAMS, NEW_TOKENS)));
  }
  const stats = provider.getStats();
  await provider.close();
  await raw.session.release();

  const rate = (samples: Sample[]) => median(samples, 'tokensPerSecond');
  const cpu = (samples: Sample[]) => median(samples, 'cpuMicrosPerToken').toFixed(0);
  const raw1 = rate(results.raw1);
  const engine1 = rate(results.engine1);
  const engine8 = rate(results.engine8);
  const raw8 = rate(results.raw8);
  const cpus = os.cpus();
  console.log(
    `model ${modelName}, cache ${provider.cacheMode(modelName)}; ${NEW_TOKENS} new tokens per stream, greedy`,
  );
  console.log(
    `node ${process.version}, onnxruntime-node ${ort.env.versions.common}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ` +
      `load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
  );
  console.log(
    `median of ${ROUNDS} interleaved rounds; engine: ${config.models.engine.threads} worker thread(s), 1 intra-op thread each, max batch ${config.models.engine.maxBatch}\n`,
  );
  const rows: Array<[string, number, Sample[], string]> = [
    ['raw onnxruntime-node greedy loop, 1 stream', raw1, results.raw1, '1.00 (baseline)'],
    ['engine, 1 stream', engine1, results.engine1, `${(engine1 / raw1).toFixed(2)} × raw loop (goal ≥ 0.9)`],
    [
      `engine, ${STREAMS} concurrent streams (aggregate)`,
      engine8,
      results.engine8,
      `${(engine8 / engine1).toFixed(2)} × engine 1 stream (goal ≥ 4); ${(engine8 / raw1).toFixed(2)} × raw loop`,
    ],
    [
      `raw loop, one batch of ${STREAMS} (reference)`,
      raw8,
      results.raw8,
      `${(raw8 / raw1).toFixed(2)} × raw loop`,
    ],
  ];
  console.log('| measurement | tokens/s | CPU µs/token | ratio |');
  console.log('| --- | ---: | ---: | --- |');
  for (const [name, value, samples, ratio] of rows) {
    console.log(`| ${name} | ${value.toFixed(0)} | ${cpu(samples)} | ${ratio} |`);
  }
  console.log(`\nengine stats: ${JSON.stringify(stats)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
