'use strict';
// Sanity check of models/moderation with its calibrated thresholds (what the server tests expect).
//   node tools/moderation-classifier/verify.js [--model DIR]
// Cases live in sanity_cases.json: "flag" = all listed categories must be flagged,
// "flag_any" = at least one of them, "clean" = nothing may be flagged. Exit code 1 on any failure.
const path = require('path');
const { Moderator, DEFAULT_MODEL_DIR } = require('./lib');
const cases = require('./sanity_cases.json').cases;

async function main() {
  const i = process.argv.indexOf('--model');
  const dir = i >= 0 ? path.resolve(process.argv[i + 1]) : DEFAULT_MODEL_DIR;
  const mod = await Moderator.load(dir, 1);
  const scores = await mod.scores(cases.map((c) => c.text));
  let failures = 0;
  cases.forEach((c, k) => {
    const s = scores[k];
    const flagged = mod.flagged(s);
    let ok = true;
    if (c.flag) ok = c.flag.every((l) => flagged.includes(l));
    if (c.flag_any) ok = c.flag_any.some((l) => flagged.includes(l));
    if (c.clean) ok = flagged.length === 0;
    if (!ok) failures++;
    const top = Object.entries(s)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([l, p]) => `${l}=${p.toFixed(3)}`)
      .join(' ');
    const want = c.clean ? 'clean' : c.flag ? `flag ${c.flag.join('+')}` : `any of ${c.flag_any.join('|')}`;
    console.log(`${ok ? 'PASS' : 'FAIL'}  [${flagged.join(', ') || '-'}]  (want ${want}; top: ${top})  ${JSON.stringify(c.text)}`);
  });
  console.log(`${cases.length - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}
main().catch((e) => {
  console.error(e);
  process.exit(2);
});
