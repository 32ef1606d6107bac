#!/usr/bin/env node
// Verifies models/stories260K (written by convert.py) with onnxruntime-node and
// @huggingface/tokenizers. Run from anywhere:  node tools/convert-stories260k/verify.js
// Exits non-zero if any check fails.
//
// Checks:
//   tokenizer  - tokenizer.json loads with @huggingface/tokenizers, encodes like llama2.c
//                (ids from the Python port of run.c's encoder in the fixture), round-trips
//   logits     - ONNX logits == numpy run.c reference logits (fixture), max |diff| < 1e-4,
//                incl. batch 2 with left padding, a KV cache and a single-token step
//   greedy     - greedy decoding from BOS with KV cache reproduces llama2.c's story
//   batch      - batch-2 left-padded greedy decoding == each prompt decoded alone
//   speed      - single-stream greedy tokens/s over 256 tokens (information only)
//
// Env: STORIES_OPTIMIZED_MODEL=<file> also writes onnxruntime's optimized graph there.
'use strict';

const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');
const { Tokenizer } = require('@huggingface/tokenizers');

const MODEL_DIR = path.resolve(__dirname, '..', '..', 'models', 'stories260K');
const FIXTURE = path.join(__dirname, 'fixtures', 'reference.json');
const EXPECTED_PREFIX =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park.';
// expected_stdout of karpathy/llama2.c test_all.py (run.c, stories260K, temperature 0, 200 steps)
const LLAMA2C_TEST_ALL =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park. ' +
  'One day, she saw a big, red ball. She wanted to play with it, but it was too high.\n' +
  'Lily\'s mom said, "Lily, let\'s go to the park." Lily was sad and didn\'t know what to do. ' +
  'She said, "I want to play with your ball, but I can\'t find it."\n' +
  'Lily was sad and didn\'t know what to do. She said, "I\'m sorry, Lily. I didn\'t know what to do."\n' +
  'Lily didn\'t want to help her mom, so she';
const END_IDS = new Set([1, 2]);

let failures = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ' - ' + detail : ''}`);
  if (!ok) failures += 1;
}
const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const sameArray = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

class Model {
  constructor(session, config) {
    this.session = session;
    this.layers = config.num_hidden_layers;
    this.kvHeads = config.num_key_value_heads;
    this.headDim = config.head_dim || config.hidden_size / config.num_attention_heads;
    this.vocab = config.vocab_size;
  }

  emptyPast(batch) {
    const past = {};
    for (let i = 0; i < this.layers; i++) {
      for (const kind of ['key', 'value']) {
        past[`past_key_values.${i}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [
          batch, this.kvHeads, 0, this.headDim,
        ]);
      }
    }
    return past;
  }

  // ids / positions: number[][] [B][S]; mask: number[][] [B][past+S]; past: feeds object
  async forward(ids, mask, positions, past) {
    const B = ids.length;
    const S = ids[0].length;
    const T = mask[0].length;
    const i64 = (rows, n) => {
      const a = new BigInt64Array(B * n);
      rows.forEach((r, b) => r.forEach((v, j) => (a[b * n + j] = BigInt(v))));
      return a;
    };
    const feeds = {
      input_ids: new ort.Tensor('int64', i64(ids, S), [B, S]),
      attention_mask: new ort.Tensor('int64', i64(mask, T), [B, T]),
      position_ids: new ort.Tensor('int64', i64(positions, S), [B, S]),
      ...past,
    };
    const out = await this.session.run(feeds);
    const present = {};
    for (let i = 0; i < this.layers; i++) {
      for (const kind of ['key', 'value']) {
        const t = out[`present.${i}.${kind}`];
        const want = [B, this.kvHeads, T, this.headDim];
        if (!sameArray(t.dims, want)) throw new Error(`present.${i}.${kind} dims ${t.dims} != ${want}`);
        present[`past_key_values.${i}.${kind}`] = t;
      }
    }
    const logits = out.logits;
    if (!sameArray(logits.dims, [B, S, this.vocab])) throw new Error(`logits dims ${logits.dims}`);
    return { logits: logits.data, present };
  }
}

function argmax(data, offset, n) {
  let best = offset;
  for (let i = offset + 1; i < offset + n; i++) if (data[i] > data[best]) best = i;
  return best - offset;
}

// Greedy decoding of a left-padded batch with KV cache.
// position_ids = cumsum(attention_mask) - 1 (pads get -1, they are masked anyway).
async function greedy(model, prompts, steps, { stopAtEnd = false } = {}) {
  const B = prompts.length;
  const S = Math.max(...prompts.map((p) => p.length));
  let ids = prompts.map((p) => [...Array(S - p.length).fill(0), ...p]);
  const mask = prompts.map((p) => [...Array(S - p.length).fill(0), ...Array(p.length).fill(1)]);
  const cumsum = (row) => {
    let c = 0;
    return row.map((m) => (c += m) - 1);
  };
  let positions = mask.map(cumsum);
  let past = model.emptyPast(B);
  const outs = prompts.map(() => []);
  for (let step = 0; step < steps; step++) {
    const { logits, present } = await model.forward(ids, mask, positions, past);
    const s = ids[0].length;
    const next = [];
    for (let b = 0; b < B; b++) {
      const t = argmax(logits, (b * s + s - 1) * model.vocab, model.vocab);
      next.push(t);
      outs[b].push(t);
    }
    if (stopAtEnd && B === 1 && END_IDS.has(next[0])) break;
    ids = next.map((t) => [t]);
    positions = positions.map((row) => [row[row.length - 1] + 1]);
    mask.forEach((row) => row.push(1));
    past = present;
  }
  return outs;
}

async function main() {
  console.log(`onnxruntime-node ${require('onnxruntime-node/package.json').version}, node ${process.version}`);
  const config = readJson(path.join(MODEL_DIR, 'config.json'));
  const fixture = readJson(FIXTURE);

  // ---------------------------------------------------------------- tokenizer
  // @huggingface/tokenizers 0.2.0 has no Tokenizer.fromString(); the constructor takes the
  // parsed tokenizer.json and tokenizer_config.json objects.
  const tok = new Tokenizer(
    readJson(path.join(MODEL_DIR, 'tokenizer.json')),
    readJson(path.join(MODEL_DIR, 'tokenizer_config.json')),
  );
  const once = tok.encode('Once upon a time').ids;
  check('tokenizer: "Once upon a time" -> [1, 403, 407, 261, 378]', sameArray(once, [1, 403, 407, 261, 378]),
    JSON.stringify(once));
  let tokOk = true;
  for (const c of fixture.tokenizer_cases) {
    const ids = tok.encode(c.text).ids;
    const back = tok.decode(ids, { skip_special_tokens: true });
    if (!sameArray(ids, c.ids) || back !== c.text) {
      tokOk = false;
      console.log(`   mismatch for ${JSON.stringify(c.text)}:\n     got ${JSON.stringify(ids)} -> ${JSON.stringify(back)}\n     llama2.c ${JSON.stringify(c.ids)}`);
    }
  }
  check(`tokenizer: ${fixture.tokenizer_cases.length} strings encode like llama2.c and round-trip`, tokOk);

  // ---------------------------------------------------------------- session
  const modelPath = path.join(MODEL_DIR, 'onnx', 'model.onnx');
  const opts = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };
  if (process.env.STORIES_OPTIMIZED_MODEL) opts.optimizedModelFilePath = process.env.STORIES_OPTIMIZED_MODEL;
  const session = await ort.InferenceSession.create(modelPath, opts);
  console.log(`model ${path.relative(process.cwd(), modelPath)}: ${fs.statSync(modelPath).size} bytes; ` +
    `inputs ${session.inputNames.length}, outputs ${session.outputNames.length}`);
  const wantIn = ['input_ids', 'attention_mask', 'position_ids'];
  const wantOut = ['logits'];
  for (let i = 0; i < config.num_hidden_layers; i++) {
    wantIn.push(`past_key_values.${i}.key`, `past_key_values.${i}.value`);
    wantOut.push(`present.${i}.key`, `present.${i}.value`);
  }
  check('onnx: input/output names (Optimum decoder-with-past)',
    sameArray([...session.inputNames], wantIn) && sameArray([...session.outputNames], wantOut));
  const model = new Model(session, config);

  // ---------------------------------------------------------------- logits vs reference
  let worst = 0;
  let finite = true;
  for (const c of fixture.logit_cases) {
    const B = c.steps[0].input_ids.length;
    let past = model.emptyPast(B);
    let caseWorst = 0;
    for (const st of c.steps) {
      const { logits, present } = await model.forward(st.input_ids, st.attention_mask, st.position_ids, past);
      past = present;
      const S = st.input_ids[0].length;
      for (let i = 0; i < logits.length; i++) if (!Number.isFinite(logits[i])) finite = false;
      for (let b = 0; b < B; b++) {
        for (let s = 0; s < S; s++) {
          if (!st.valid[b][s]) continue;
          const off = (b * S + s) * model.vocab;
          for (let v = 0; v < model.vocab; v++) {
            caseWorst = Math.max(caseWorst, Math.abs(logits[off + v] - st.expected_logits[off + v]));
          }
        }
      }
    }
    console.log(`   ${c.name.padEnd(30)} shapes ${c.steps.map((s) => `[${s.input_ids.length},${s.input_ids[0].length}]`).join(' -> ')}  max|onnx-ref| = ${caseWorst.toExponential(2)}`);
    worst = Math.max(worst, caseWorst);
  }
  check(`logits: ONNX vs numpy run.c reference, max abs diff ${worst.toExponential(2)} < ${fixture.tolerance}`,
    worst < fixture.tolerance);
  check('logits: all finite (incl. fully masked pad rows)', finite);

  // ---------------------------------------------------------------- greedy from BOS
  const [gen] = await greedy(model, [[1]], 200, { stopAtEnd: true });
  const ids = [1, ...gen];
  const text = tok.decode(ids, { skip_special_tokens: true });
  console.log(`   greedy (${gen.length} tokens${END_IDS.has(gen[gen.length - 1]) ? ', ended with id ' + gen[gen.length - 1] : ''}):\n   ${JSON.stringify(text)}`);
  check('greedy: text begins with the llama2.c reference sentence', text.startsWith(EXPECTED_PREFIX));
  check('greedy: token ids == numpy run.c reference greedy ids', sameArray(ids, fixture.greedy_from_bos.ids),
    `${ids.length} vs ${fixture.greedy_from_bos.ids.length} ids`);
  check('greedy: decoded text == llama2.c-style decode of the reference ids', text === fixture.greedy_from_bos.text);
  check('greedy: 200 tokens == llama2.c test_all.py expected_stdout', gen.length === 200 && text === LLAMA2C_TEST_ALL);

  // ---------------------------------------------------------------- batch with left padding
  const prompts = ['Once upon a time, there was a big dog named', 'Tom and Sue'].map((t) => tok.encode(t).ids);
  const N = 60;
  const batched = await greedy(model, prompts, N);
  let batchOk = true;
  for (let b = 0; b < prompts.length; b++) {
    const [alone] = await greedy(model, [prompts[b]], N);
    const same = sameArray(alone, batched[b]);
    batchOk = batchOk && same;
    console.log(`   row ${b} (prompt ${prompts[b].length} tokens${b ? ', left padded' : ''}): ${same ? 'same' : 'DIFFERENT'}: ` +
      JSON.stringify(tok.decode([...prompts[b], ...batched[b]], { skip_special_tokens: true }).slice(0, 110) + '...'));
  }
  check(`batch: 2-row left-padded greedy (${N} tokens) == each prompt alone`, batchOk);

  // ---------------------------------------------------------------- speed
  await greedy(model, [[1]], 32); // warm-up
  const t0 = process.hrtime.bigint();
  const [speedGen] = await greedy(model, [[1]], 256);
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`INFO  speed: single-stream greedy, 256 tokens (KV cache, 1 intra-op thread): ` +
    `${(speedGen.length / sec).toFixed(0)} tokens/s (${((sec * 1000) / speedGen.length).toFixed(3)} ms/token)`);

  await session.release();
  if (failures) {
    console.log(`\n${failures} check(s) FAILED`);
    process.exit(1);
  }
  console.log('\nall verify.js checks passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
