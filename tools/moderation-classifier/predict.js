'use strict';
// Batch inference with the exported model through onnxruntime-node (the serving runtime).
//   node predict.js [--model DIR] --in texts.jsonl --out scores.jsonl [--logits] [--ids] [--batch 64] [--threads 1]
// in: one JSON string per line.  out: one JSON object per line, in input order:
//   {"probs":[...num_labels]}  (+ "logits", "ids" when asked)
const fs = require('fs');
const { DEFAULT_MODEL_DIR, loadTokenizer, loadConfig, loadSession, encodeIds, makeFeeds, sigmoid } = require('./lib');

function arg(name, def) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}

async function main() {
  const dir = arg('--model', DEFAULT_MODEL_DIR);
  const inPath = arg('--in');
  const outPath = arg('--out');
  const bs = Number(arg('--batch', '64'));
  const wantLogits = process.argv.includes('--logits');
  const wantIds = process.argv.includes('--ids');
  const cfg = loadConfig(dir);
  const tok = loadTokenizer(dir);
  const session = await loadSession(dir, Number(arg('--threads', '1')));
  const texts = fs.readFileSync(inPath, 'utf8').split('\n').filter((l) => l.length).map((l) => JSON.parse(l));
  const ids = texts.map((t) => encodeIds(tok, t, cfg.max_length));
  const order = ids.map((_, i) => i).sort((a, b) => ids[a].length - ids[b].length);
  const results = new Array(texts.length);
  for (let k = 0; k < order.length; k += bs) {
    const idx = order.slice(k, k + bs);
    const out = await session.run(makeFeeds(idx.map((i) => ids[i]), cfg.pad_token_id ?? 0));
    const n = out.logits.dims[1];
    idx.forEach((i, b) => {
      const logits = Array.from(out.logits.data.subarray(b * n, (b + 1) * n));
      const r = { probs: logits.map(sigmoid) };
      if (wantLogits) r.logits = logits;
      if (wantIds) r.ids = ids[i];
      results[i] = r;
    });
  }
  fs.writeFileSync(outPath, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
