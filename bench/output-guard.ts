/**
 * Output moderation of a stream, per generated token: this build's OutputGuard against another build's (the
 * baseline, e.g. main's dist), both over the real ModerationService of this build (classifier worker thread,
 * lexicon, PII) under the default live policy, fed the same story token by token (≈ 4 characters each).
 *
 *   npm run build && node dist/bench/output-guard.js [--rounds N] [--tokens N] [--baseline-dist DIR]
 *
 * The story avoids words a window edge can cut into a lexicon entry ("about" → "abo"): the baseline's windows
 * end mid-word and would block it.
 *
 * Shows, per token: the characters the checks were shown, the checks' calls, and the process CPU time (all
 * threads, the classifier's included), which stays meaningful when other work competes for the CPU.
 */
import path from 'node:path';
import { ApplicationStatus } from '../server/src/applications/application.entity';
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import { ClassifierService } from '../server/src/moderation/classifier/classifier.service';
import { Direction } from '../server/src/moderation/moderation.types';
import { ModerateOutput, OutputGuard } from '../server/src/moderation/output-guard';
import { defaultPolicy } from '../server/src/policies/policy.defaults';
import { standaloneModerationService } from '../server/src/moderation/standalone-moderation';
import { loadAverage, median } from './gateway-processes';

type GuardClass = typeof OutputGuard;

interface Options {
  rounds: number;
  tokens: number;
  baselineDist?: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rounds: 5, tokens: 2000 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--rounds') options.rounds = Number(value);
    else if (argv[i] === '--tokens') options.tokens = Number(value);
    else if (argv[i] === '--baseline-dist') options.baselineDist = path.resolve(value);
    else throw new Error(`unknown option ${argv[i]} (use --rounds N, --tokens N, --baseline-dist DIR)`);
  }
  return options;
}

const SENTENCES = [
  'Once upon a time, there was a little girl named Lily who loved to play in the park with her friends.',
  'One day, she saw a big red ball under a tree and ran to get it, but a small dog got there first.',
  'The dog wagged its tail and looked at Lily with happy eyes, so she laughed and threw the ball far away.',
  'They played all afternoon until the sun went down, and then Lily went home to tell her mom everything.',
];

/** A story cut into tokens of about 4 characters, as a small model's BPE would stream it. */
function storyTokens(count: number): string[] {
  let text = '';
  for (let i = 0; text.length < count * 4; i++) text += `${SENTENCES[i % SENTENCES.length]} `;
  return Array.from({ length: count }, (_, i) => text.slice(i * 4, i * 4 + 4));
}

interface Run {
  cpuMicrosPerToken: number;
  charsPerToken: number;
  callsPerToken: number;
  tokensPerSecond: number;
}

async function streamOnce(Guard: GuardClass, moderate: ModerateOutput, tokens: string[]): Promise<Run> {
  let chars = 0;
  let calls = 0;
  const counting: ModerateOutput = (texts) => {
    calls++;
    chars += texts.reduce((sum, text) => sum + text.length, 0);
    return moderate(texts);
  };
  const guard = new Guard(counting, 48);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let sent = '';
  for (const [i, token] of tokens.entries()) {
    const out = await guard.push({
      index: 0,
      text: token,
      finish_reason: i === tokens.length - 1 ? 'length' : null,
      logprobs: null,
    });
    sent += out?.text ?? '';
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (sent !== tokens.join('')) {
    const at = [...sent].findIndex((char, i) => char !== tokens.join('')[i]);
    throw new Error(
      `the guard did not pass the clean story through unchanged (${sent.length} of ${tokens.join('').length} characters sent, first difference at ${at}; verdicts ${JSON.stringify(guard.verdicts.filter((v) => v.triggered))})`,
    );
  }
  return {
    cpuMicrosPerToken: (cpu.user + cpu.system) / tokens.length,
    charsPerToken: chars / tokens.length,
    callsPerToken: calls / tokens.length,
    tokensPerSecond: tokens.length / seconds,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger('warn', 'bench');
  const classifier = new ClassifierService(
    { ...config, moderation: { ...config.moderation, threads: 1 } },
    logger,
  );
  await classifier.onModuleInit();
  const moderation = standaloneModerationService(config, classifier, logger);
  const policy = defaultPolicy(ApplicationStatus.Live);
  const moderate: ModerateOutput = (texts) => moderation.moderate(texts, Direction.Output, policy);
  const tokens = storyTokens(options.tokens);

  const guards: Array<{ name: string; Guard: GuardClass }> = [{ name: 'this build', Guard: OutputGuard }];
  if (options.baselineDist) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const baseline = require(path.join(options.baselineDist, 'server/src/moderation/output-guard.js')) as {
      OutputGuard: GuardClass;
    };
    guards.unshift({
      name: `baseline (${path.basename(path.dirname(options.baselineDist))}/)`,
      Guard: baseline.OutputGuard,
    });
  }
  for (const { Guard } of guards) await streamOnce(Guard, moderate, tokens.slice(0, 300)); // warm-up
  console.log(`load average before measuring: ${loadAverage()}`);
  const runs = guards.map(() => [] as Run[]);
  for (let round = 0; round < options.rounds; round++) {
    for (const [index, { Guard }] of guards.entries())
      runs[index].push(await streamOnce(Guard, moderate, tokens));
  }
  await classifier.onModuleDestroy();

  console.log(
    `\n${options.tokens} tokens of ≈ 4 characters, default live policy (classifier, lexicon, PII), holdback 48; ` +
      `median of ${options.rounds} interleaved rounds; load average ${loadAverage()}\n`,
  );
  console.log(
    '| output guard | chars checked/token | checks/token | CPU µs/token | tokens/s | CPU vs baseline |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const cpu = (index: number) => median(runs[index].map((run) => run.cpuMicrosPerToken));
  for (const [index, { name }] of guards.entries()) {
    const of = (key: keyof Run) => median(runs[index].map((run) => run[key]));
    console.log(
      `| ${name} | ${of('charsPerToken').toFixed(1)} | ${of('callsPerToken').toFixed(3)} | ` +
        `${cpu(index).toFixed(0)} | ${of('tokensPerSecond').toFixed(0)} | ` +
        `${index === 0 ? '1.00 ×' : `${(cpu(0) / cpu(index)).toFixed(2)} × less`} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
