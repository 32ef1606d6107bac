/**
 * Hostile-input benchmark: each rule check (PII, prompt injection, lexicon with a blocklist and a policy
 * pattern) and the text normalization, on texts shaped to hit a backtracking engine's worst case, at 15,000
 * and 150,000 characters. The growth column is time(150k) / time(15k): about 10 for a linear check, about
 * 100 for a quadratic one. Baseline, measured in the same run on the same texts: `text.toLowerCase()`, a pass
 * every check's cost should be a small multiple of.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/hostile-input.js [repetitions]
 */
import { lexiconVerdicts } from '../server/src/moderation/checks/lexicon.check';
import { detectPii } from '../server/src/moderation/checks/pii.check';
import { detectPromptInjection } from '../server/src/moderation/checks/prompt-injection.check';
import { normalizeText } from '../server/src/moderation/text/normalized-text';
import { Blocklist } from '../server/src/moderation/moderation.types';

const REPETITIONS = Number(process.argv[2] ?? 3);
const SMALL = 15_000;
const LARGE = 150_000;

const BLOCKLIST: Blocklist = {
  words: ['banana', 'pineapple', 'coffee'],
  phrases: ['free money'],
  patterns: ['(a+)+$', 'wire\\s*transfer'],
};

const SHAPES: Array<[string, (length: number) => string]> = [
  ['"a" repeated', (n) => 'a'.repeat(n)],
  ['digits', (n) => '7'.repeat(n)],
  ['newlines', (n) => '\n'.repeat(n)],
  ['"token=" then spaces', (n) => `token=${' '.repeat(n - 6)}`],
  ['"sk-" repeated', (n) => 'sk-'.repeat(n / 3)],
  ['"a." repeated', (n) => 'a.'.repeat(n / 2)],
  ['IP addresses', (n) => '10.0.0.1 '.repeat(n / 9)],
  ['spaced letters', (n) => 'f '.repeat(n / 2)],
  ['"a@" repeated', (n) => 'a@'.repeat(n / 2)],
  ['zero-width spaces', (n) => 'b\u200b'.repeat(n / 2)],
  ['English prose', (n) => 'Once upon a time the rangers walked to the park. '.repeat(n / 50)],
];

const WORK: Array<[string, (text: string) => unknown]> = [
  ['baseline: toLowerCase', (text) => text.toLowerCase()],
  ['normalize', (text) => normalizeText(text)],
  ['pii', (text) => detectPii(text)],
  ['prompt injection', (text) => detectPromptInjection(text)],
  ['lexicon + blocklist', (text) => lexiconVerdicts(text, BLOCKLIST)],
];

function best(work: (text: string) => unknown, text: string): number {
  let fastest = Infinity;
  for (let round = 0; round < REPETITIONS; round++) {
    const start = performance.now();
    work(text);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function main(): void {
  console.log(`\nHostile-input benchmark: best of ${REPETITIONS}, ms at ${SMALL} and ${LARGE} characters\n`);
  console.log(
    '| text                 | work                   |   15k ms |  150k ms | growth | vs baseline |',
  );
  console.log(
    '| -------------------- | ---------------------- | -------- | -------- | ------ | ----------- |',
  );
  let worstGrowth = 0;
  for (const [shape, make] of SHAPES) {
    const small = make(SMALL);
    const large = make(LARGE);
    let baseline = 0;
    for (const [name, work] of WORK) {
      const atSmall = best(work, small);
      const atLarge = best(work, large);
      if (name.startsWith('baseline')) baseline = atLarge;
      const growth = atLarge / Math.max(atSmall, 0.01);
      if (!name.startsWith('baseline') && atLarge > 5) worstGrowth = Math.max(worstGrowth, growth);
      console.log(
        `| ${shape.padEnd(20)} | ${name.padEnd(22)} | ${atSmall.toFixed(2).padStart(8)} | ${atLarge
          .toFixed(2)
          .padStart(8)} | ${growth.toFixed(1).padStart(6)} | ${(atLarge / Math.max(baseline, 0.01))
          .toFixed(0)
          .padStart(10)}x |`,
      );
    }
  }
  console.log(`\nworst growth 15k -> 150k among checks over 5 ms: ${worstGrowth.toFixed(1)} (linear: ~10)`);
}

main();
