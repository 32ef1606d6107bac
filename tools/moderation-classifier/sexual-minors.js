'use strict';
// How often models flag sexual/minors, the category the default live policy refuses, on sexual.py's evaluation pool,
// read as Warden serves them: the server's scorer (whole text, sentence readings at the model's input margin, the
// minor-term rule), built first with `npx tsc -p tsconfig.build.json`. The bench's tables read whole texts only.
//   node tools/moderation-classifier/sexual-minors.js <model dir> [<model dir> ...]
// Prints, per model: texts sexualising a child flagged sexual/minors, and adult sexual texts flagged so (confused).
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server', 'src', 'moderation', 'classifier');
const { loadClassifierManifest } = require(path.join(SERVER, 'classifier.manifest'));
const { createClassifierScorer } = require(path.join(SERVER, 'classifier-scorer'));

const EXPORT = `
import json, sys
sys.path.insert(0, ${JSON.stringify(__dirname)})
import sexual
rows = [e for e in sexual.heldout_examples() if e["split"] == "test"]
print(json.dumps([{"text": e["text"], "harmful": bool(e["meta"].get("harmful")),
                   "categories": e["meta"].get("categories", [])} for e in rows]))
`;

async function main() {
  const directories = process.argv.slice(2);
  if (directories.length === 0) throw new Error('usage: node sexual-minors.js <model dir> [<model dir> ...]');
  const rows = JSON.parse(execFileSync('/usr/bin/python3', ['-c', EXPORT], { maxBuffer: 64 << 20 }));
  const child = rows.filter((row) => row.categories.includes('sexual/minors'));
  const adult = rows.filter((row) => row.harmful && !row.categories.includes('sexual/minors'));
  for (const directory of directories) {
    const manifest = loadClassifierManifest(path.resolve(directory));
    const scorer = await createClassifierScorer(manifest);
    const minors = manifest.labels.indexOf('sexual/minors');
    const threshold = manifest.thresholds['sexual/minors'];
    const margin = manifest.sentenceMargin.input;
    const flagged = async (set) => {
      let count = 0;
      for (let i = 0; i < set.length; i += 32) {
        const texts = set.slice(i, i + 32).map((row) => row.text);
        const scored = await scorer.classify(
          texts,
          texts.map(() => margin),
        );
        count += scored.filter((text) => text.scores[minors] >= threshold).length;
      }
      return count;
    };
    console.log(
      `${directory}: sexual/minors threshold ${threshold}; texts sexualising a child flagged sexual/minors ` +
        `${await flagged(child)} of ${child.length}; adult sexual texts flagged sexual/minors ${await flagged(adult)} of ${adult.length}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
