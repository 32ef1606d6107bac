'use strict';
// Tokenisation with the *runtime* tokenizer (@huggingface/tokenizers), so training ids == serving ids.
//   node tokenize.js pretok <tokenizer.json dir> <in.jsonl> <out.json>    word counts after normalizer+pre-tokenizer
//   node tokenize.js encode <tokenizer.json dir> <in.jsonl> <out.jsonl> <max_length>
// in.jsonl: one JSON string (the text) per line.
const fs = require('fs');
const readline = require('readline');
const { loadTokenizer, encodeIds } = require('./lib');

async function main() {
  const [mode, dir, inPath, outPath, maxLenArg] = process.argv.slice(2);
  const tok = loadTokenizer(dir);
  const rl = readline.createInterface({ input: fs.createReadStream(inPath, 'utf8'), crlfDelay: Infinity });
  if (mode === 'pretok') {
    const counts = new Map();
    for await (const line of rl) {
      if (!line) continue;
      const text = JSON.parse(line);
      const norm = tok.normalizer ? tok.normalizer(text) : text;
      const words = tok.pre_tokenizer ? tok.pre_tokenizer(norm) : norm.split(/\s+/);
      for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
    }
    fs.writeFileSync(outPath, JSON.stringify(Object.fromEntries(counts)));
  } else if (mode === 'encode') {
    const maxLen = Number(maxLenArg);
    const out = fs.createWriteStream(outPath);
    for await (const line of rl) {
      if (!line) continue;
      out.write(JSON.stringify(encodeIds(tok, JSON.parse(line), maxLen)) + '\n');
    }
    await new Promise((r) => out.end(r));
  } else {
    throw new Error('mode must be pretok or encode');
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
