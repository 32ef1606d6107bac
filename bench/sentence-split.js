// node bench/sentence-split.js <dist> in.jsonl out.jsonl index.json: each text, then its sentences (sentencesOf), flat, with an index (for bench/sentence-margin.py).
const fs = require('fs');
const [dist, inp, out, idx] = process.argv.slice(2);
const { sentencesOf } = require(`${dist}/server/src/moderation/text/sentences.js`);
const texts = fs
  .readFileSync(inp, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const flat = [];
const index = [];
for (const t of texts) {
  const whole = flat.length;
  flat.push(t);
  const sents = sentencesOf(t).map((s) => {
    flat.push(s);
    return flat.length - 1;
  });
  index.push([whole, sents]);
}
fs.writeFileSync(out, flat.map((t) => JSON.stringify(t)).join('\n') + '\n');
fs.writeFileSync(idx, JSON.stringify(index));
