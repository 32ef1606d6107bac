'use strict';
// Runtime helpers shared by tokenize.js, predict.js, verify.js and bench.js.
// This is exactly the inference path the Warden server should implement:
//   ids = tokenizer.encode(text).ids  ->  truncate to config.max_length (keep the final [SEP])
//   -> int64 input_ids / attention_mask (pad with config.pad_token_id) -> ONNX 'logits'
//   -> sigmoid -> flag label i when prob >= config.thresholds[label].
const fs = require('fs');
const path = require('path');
const { Tokenizer } = require('@huggingface/tokenizers');

const DEFAULT_MODEL_DIR = path.resolve(__dirname, '..', '..', 'models', 'moderation');

function loadTokenizer(dir) {
  const tokJson = JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer.json'), 'utf8'));
  const cfgPath = path.join(dir, 'tokenizer_config.json');
  const tokCfg = fs.existsSync(cfgPath) ? JSON.parse(fs.readFileSync(cfgPath, 'utf8')) : {};
  const tokenizer = new Tokenizer(tokJson, tokCfg);
  tokenizer.specialIds = new Set((tokJson.added_tokens || []).filter((t) => t.special).map((t) => t.id));
  tokenizer.frameIds = tokenizer.encode('').ids; // the specials a text is framed with ([CLS] [SEP])
  return tokenizer;
}

/**
 * Token ids with the specials, cut to maxLength (`tokenizer` from loadTokenizer). Words the vocabulary has no piece for are left out, and so are
 * control tokens the text spells out ("[SEP]"), as Warden's scorer (server/src/moderation/classifier/classifier-scorer.ts)
 * leaves them out: runs of [UNK] scored as harm, and typed separators cut the model's input short.
 */
function encodeIds(tokenizer, text, maxLength) {
  const encoded = tokenizer
    .encode(String(text), { add_special_tokens: false })
    .ids.filter((id) => !tokenizer.specialIds.has(id));
  const frame = tokenizer.frameIds;
  let ids = frame.length === 0 ? encoded : [...frame.slice(0, -1), ...encoded, frame[frame.length - 1]];
  if (ids.length > maxLength) {
    const sep = ids[ids.length - 1];
    ids = ids.slice(0, maxLength - 1);
    ids.push(sep);
  }
  return ids;
}

function loadConfig(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
}

async function loadSession(dir, threads = 1) {
  const ort = require('onnxruntime-node');
  return ort.InferenceSession.create(path.join(dir, 'onnx', 'model.onnx'), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
}

function makeFeeds(batchIds, padId = 0) {
  const ort = require('onnxruntime-node');
  const B = batchIds.length;
  const T = Math.max(1, ...batchIds.map((x) => x.length));
  const ids = new BigInt64Array(B * T).fill(BigInt(padId));
  const mask = new BigInt64Array(B * T);
  batchIds.forEach((row, b) => {
    for (let t = 0; t < row.length; t++) {
      ids[b * T + t] = BigInt(row[t]);
      mask[b * T + t] = 1n;
    }
  });
  return {
    input_ids: new ort.Tensor('int64', ids, [B, T]),
    attention_mask: new ort.Tensor('int64', mask, [B, T]),
  };
}

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** Returns one array of probabilities (length = num_labels) per id sequence. */
async function runIds(session, batchIds, padId = 0) {
  const out = await session.run(makeFeeds(batchIds, padId));
  const logits = out.logits;
  const n = logits.dims[1];
  const res = [];
  for (let b = 0; b < batchIds.length; b++) {
    res.push(Array.from(logits.data.subarray(b * n, (b + 1) * n), sigmoid));
  }
  return res;
}

class Moderator {
  static async load(dir = DEFAULT_MODEL_DIR, threads = 1) {
    const m = new Moderator();
    m.dir = dir;
    m.config = loadConfig(dir);
    m.tokenizer = loadTokenizer(dir);
    m.session = await loadSession(dir, threads);
    m.labels = Object.keys(m.config.id2label)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => m.config.id2label[k]);
    return m;
  }
  encode(text) {
    return encodeIds(this.tokenizer, text, this.config.max_length);
  }
  async scores(texts) {
    const probs = await runIds(this.session, texts.map((t) => this.encode(t)), this.config.pad_token_id ?? 0);
    return probs.map((p) => Object.fromEntries(this.labels.map((l, i) => [l, p[i]])));
  }
  flagged(scores) {
    return this.labels.filter((l) => scores[l] >= this.config.thresholds[l]);
  }
}

module.exports = { DEFAULT_MODEL_DIR, loadTokenizer, encodeIds, loadConfig, loadSession, makeFeeds, runIds, sigmoid, Moderator };
