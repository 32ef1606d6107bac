'use strict';
// Generates story completions with Warden's own embedded engine (the built server code: worker thread,
// continuous batching, the server's seeded sampler) as the benign distribution the output filter sees most.
//
//   npx tsc -p tsconfig.build.json   # the engine is loaded from dist/
//   node tools/moderation-classifier/generate-stories.js [--train 4000] [--eval 1500] [--out data/moderation/generated-stories]
//
// Two disjoint sets are written: train.jsonl (hard negatives for training and threshold calibration) and
// eval.jsonl (held out: other seeds, and a third of its prompts never appear in train). Each row keeps the prompt,
// the sampling settings and the seed, so any row can be regenerated through the API with the same request.
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const { EmbeddedProvider } = require(
  path.join(REPO, 'dist/server/src/inference/embedded/embedded.provider.js'),
);
const { ENGINE_TUNING } = require(path.join(REPO, 'dist/server/src/inference/embedded/engine-pool.js'));

const TRAIN_PROMPTS = [
  '',
  'Once upon a time',
  'Once upon a time, there was a little',
  'One day,',
  'Lily',
  'Tom and Sue',
  'The cat',
  'The little boy',
  'Ben had a red',
  'There was a bird',
  'Mom said',
  'The sun was hot',
  'Sara wanted to',
  'Tim was sad because',
  'The big dog',
  'In the park,',
  'Max found a',
  'The girl and her mom',
  'Spot the dog',
  'Anna liked to',
  'The bear was',
  'Once there was a boy named',
  'They went to the',
  'It was a dark night',
];
// Prompts used only in the held-out set, to measure generalisation beyond the training prompts.
const EVAL_ONLY_PROMPTS = [
  'The dragon',
  'Jack and Jill',
  'One morning, a small',
  'The princess',
  'Grandpa told',
  'At school,',
  'The fish',
  'Sam did not want to',
];
const TEMPERATURES = [0.5, 0.7, 0.8, 0.9, 1.0, 1.0, 1.1, 1.2];
const TOP_P = [1, 1, 0.9, 0.95];
const MAX_TOKENS = [16, 32, 64, 128, 128, 200, 256];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Deterministic plan: row k of a set gets its prompt, settings and seed from k alone. */
function plan(count, prompts, seedBase) {
  const rows = [];
  for (let k = 0; k < count; k++) {
    const temperature = TEMPERATURES[k % TEMPERATURES.length];
    rows.push({
      prompt: prompts[(k * 7) % prompts.length],
      temperature,
      top_p: TOP_P[Math.floor(k / TEMPERATURES.length) % TOP_P.length],
      max_tokens: MAX_TOKENS[(k * 3) % MAX_TOKENS.length],
      seed: seedBase + k,
    });
  }
  return rows;
}

/** The greedy completions (temperature 0) of every prompt at every length: the texts most often seen. */
function greedyPlan(prompts) {
  return prompts.flatMap((prompt) =>
    [8, 16, 24, 32, 64, 128, 256].map((max_tokens) => ({
      prompt,
      temperature: 0,
      top_p: 1,
      max_tokens,
      seed: 0,
    })),
  );
}

async function generate(provider, rows, label) {
  const out = new Array(rows.length);
  let next = 0;
  let done = 0;
  const started = Date.now();
  async function lane() {
    while (next < rows.length) {
      const index = next++;
      const row = rows[index];
      const result = await provider.complete({
        model: 'stories260K',
        prompt: row.prompt,
        maxTokens: row.max_tokens,
        temperature: row.temperature,
        topP: row.top_p,
        n: 1,
        bestOf: 1,
        stop: [],
        logprobs: null,
        echo: false,
        seed: row.seed,
        presencePenalty: 0,
        frequencyPenalty: 0,
        logitBias: null,
        suffix: null,
        user: null,
        signal: new AbortController().signal,
      });
      out[index] = { text: result.choices[0].text, ...row };
      done++;
      if (done % 500 === 0) {
        console.log(`${label}: ${done}/${rows.length} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, lane));
  return out;
}

function write(file, rows) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
}

async function main() {
  const outDir = path.resolve(arg('out', path.join(REPO, 'data/moderation/generated-stories')));
  const nTrain = Number(arg('train', 4000));
  const nEval = Number(arg('eval', 1500));
  const provider = await EmbeddedProvider.start({
    directory: path.join(REPO, 'models'),
    models: ['stories260K'],
    engine: { threads: 1, maxBatch: 16, queueLimit: 256, ...ENGINE_TUNING },
  });
  try {
    const train = await generate(
      provider,
      [...greedyPlan(TRAIN_PROMPTS), ...plan(nTrain, TRAIN_PROMPTS, 1_000_000)],
      'train',
    );
    write(path.join(outDir, 'train.jsonl'), train);
    const evalPrompts = [...TRAIN_PROMPTS.slice(0, 16), ...EVAL_ONLY_PROMPTS];
    const held = await generate(
      provider,
      [...greedyPlan(EVAL_ONLY_PROMPTS), ...plan(nEval, evalPrompts, 9_000_000)],
      'eval',
    );
    write(path.join(outDir, 'eval.jsonl'), held);
    console.log(`wrote ${train.length} train and ${held.length} eval stories to ${outDir}`);
  } finally {
    await provider.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
