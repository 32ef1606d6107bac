'use strict';
// Latency of the exported model in onnxruntime-node on ONE intra-op thread.
//   node tools/moderation-classifier/bench.js [--model DIR] [--iters 2000]
// Reports p50/p99 for a single 512-character text (model only, and tokenize+model) and
// throughput at batch 16 (16 distinct 512-char texts per call).
const path = require('path');
const { DEFAULT_MODEL_DIR, loadTokenizer, loadConfig, loadSession, encodeIds, makeFeeds } = require('./lib');

const BASE =
  'Thanks for getting back to me so quickly. I read through the proposal last night and I think most of it ' +
  'makes sense, although the timeline for the second phase looks a little optimistic to me. Could we talk about ' +
  'moving the review meeting to Thursday afternoon? Also, my sister said the new bakery on Elm Street is great, so ' +
  'maybe we can grab coffee there before the meeting and go over the budget numbers together. Let me know what works. ';

function text512(seed) {
  const words = (BASE + BASE).split(' ');
  const rot = words.slice(seed % 40).concat(words.slice(0, seed % 40)).join(' ');
  return rot.slice(0, 512);
}

function pct(arr, p) {
  const s = [...arr].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main() {
  const argv = process.argv;
  const mi = argv.indexOf('--model');
  const dir = mi >= 0 ? path.resolve(argv[mi + 1]) : DEFAULT_MODEL_DIR;
  const ii = argv.indexOf('--iters');
  const iters = ii >= 0 ? Number(argv[ii + 1]) : 2000;
  const cfg = loadConfig(dir);
  const tok = loadTokenizer(dir);
  const session = await loadSession(dir, 1);
  const pad = cfg.pad_token_id ?? 0;
  const now = () => Number(process.hrtime.bigint()) / 1e6;

  const t = text512(0);
  const ids = encodeIds(tok, t, cfg.max_length);
  for (let k = 0; k < 200; k++) await session.run(makeFeeds([ids], pad));
  const model = [], e2e = [], tokOnly = [];
  for (let k = 0; k < iters; k++) {
    const txt = text512(k);
    let a = now();
    const x = encodeIds(tok, txt, cfg.max_length);
    const b = now();
    await session.run(makeFeeds([x], pad));
    const c = now();
    tokOnly.push(b - a);
    e2e.push(c - a);
    a = now();
    await session.run(makeFeeds([ids], pad));
    model.push(now() - a);
  }
  const texts16 = Array.from({ length: 16 }, (_, k) => text512(k * 3));
  const batchIds = texts16.map((x) => encodeIds(tok, x, cfg.max_length));
  for (let k = 0; k < 20; k++) await session.run(makeFeeds(batchIds, pad));
  const bIters = Math.max(50, Math.floor(iters / 10));
  const bt = [];
  for (let k = 0; k < bIters; k++) {
    const a = now();
    await session.run(makeFeeds(texts16.map((x) => encodeIds(tok, x, cfg.max_length)), pad));
    bt.push(now() - a);
  }
  const f = (x) => x.toFixed(3);
  console.log(`onnxruntime-node, intraOpNumThreads=1, 512-char English text = ${ids.length} tokens (max_length ${cfg.max_length})`);
  console.log(`single text, model only     : p50 ${f(pct(model, 50))} ms  p99 ${f(pct(model, 99))} ms  (${iters} runs)`);
  console.log(`single text, tokenize+model : p50 ${f(pct(e2e, 50))} ms  p99 ${f(pct(e2e, 99))} ms  (tokenize alone p50 ${f(pct(tokOnly, 50))} ms)`);
  console.log(`batch 16, tokenize+model    : p50 ${f(pct(bt, 50))} ms/batch  p99 ${f(pct(bt, 99))} ms/batch  => ${(16000 / pct(bt, 50)).toFixed(0)} texts/s`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
