/**
 * The classifier's second reading: cost per text of `evaderReadings` (fold -> leetspeak -> spelled-out ->
 * stretched) against the reading it replaced, `deobfuscatedReading` (leetspeak -> spelled-out), on the same texts
 * in the same run. Ordinary texts should cost one scan (both return null); hostile bodies of 1.5 million
 * characters show the worst case. `foldText` alone is listed beside them. No vocabulary is passed: the stretched
 * stage then follows its letter rule, as a reader without one would.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/second-reading.js [repetitions]
 */
import { deobfuscatedReading } from '../server/src/moderation/text/deobfuscated-text';
import { evaderReadings } from '../server/src/moderation/text/evader-reading';
import { foldText } from '../server/src/moderation/text/folded-text';

const REPETITIONS = Number(process.argv[2] ?? 5);
const HOSTILE = 1_500_000;

function repeat(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Ordinary texts of about 512 characters, the size `bench/moderation` times the classifier on. */
const ORDINARY: Array<[string, string]> = [
  ['English prose', repeat('Once upon a time the rangers walked to the park and had a picnic. ', 512)],
  [
    'a question with code',
    repeat('How do I fix `const x = a.b + c.d;` in v1.2.3? See https://example.com/a. ', 512),
  ],
  ['French with accents', repeat('Un café crème et une crêpe, s’il vous plaît, à Zürich. ', 512)],
  ['Russian', repeat('Привет! Как дела? Мы идём в парк сегодня вечером. ', 512)],
  ['emoji', repeat('We love our family 👨‍👩‍👧 and our cat 🐱 ❤️ so much! ', 512)],
];

const HOSTILE_TEXTS: Array<[string, string]> = [
  ['Cyrillic look-alikes', repeat('hоw tо mаkе а bоmb ', HOSTILE)],
  ['zero-width inside words', repeat('k\u200bi\u200bl\u200bl ', HOSTILE)],
  ['mathematical bold', repeat('𝐤𝐢𝐥𝐥 ', HOSTILE)],
  ['stretched letters', repeat('kiiiiillll ', HOSTILE)],
  ['spelled out', repeat('k.i.l.l ', HOSTILE)],
  ['only zero-width', '\u200b'.repeat(HOSTILE)],
  ['English prose', repeat('Once upon a time the rangers walked to the park. ', HOSTILE)],
];

const WORK: Array<[string, (text: string) => unknown]> = [
  ['baseline: deobfuscatedReading', deobfuscatedReading],
  ['evaderReadings', (text) => evaderReadings(text)],
  ['foldText', foldText],
];

function best(work: (text: string) => unknown, text: string, rounds: number): number {
  let fastest = Infinity;
  for (let round = 0; round < REPETITIONS; round++) {
    const start = performance.now();
    for (let index = 0; index < rounds; index++) work(text);
    fastest = Math.min(fastest, (performance.now() - start) / rounds);
  }
  return fastest;
}

function table(title: string, texts: Array<[string, string]>, rounds: number, unit: 'µs' | 'ms'): void {
  const scale = unit === 'µs' ? 1000 : 1;
  console.log(`\n${title}: best of ${REPETITIONS}, ${unit} per text\n`);
  console.log(
    '| text                      | deobfuscatedReading | evaderReadings | foldText | ratio | second reading |',
  );
  console.log(
    '| ------------------------- | ------------------- | ------------- | -------- | ----- | -------------- |',
  );
  for (const [name, text] of texts) {
    const [baseline, reading, fold] = WORK.map(([, work]) => best(work, text, rounds) * scale);
    const second = evaderReadings(text).length === 0 ? 'none' : 'yes';
    console.log(
      `| ${name.padEnd(25)} | ${baseline.toFixed(2).padStart(19)} | ${reading.toFixed(2).padStart(13)} | ${fold
        .toFixed(2)
        .padStart(
          8,
        )} | ${(reading / Math.max(baseline, 1e-6)).toFixed(2).padStart(5)} | ${second.padEnd(14)} |`,
    );
  }
}

function main(): void {
  table('Ordinary texts of 512 characters', ORDINARY, 2_000, 'µs');
  table(`Hostile bodies of ${HOSTILE.toLocaleString('en')} characters`, HOSTILE_TEXTS, 1, 'ms');
  console.log('\nratio = evaderReadings / deobfuscatedReading on the same text in the same run');
}

main();
