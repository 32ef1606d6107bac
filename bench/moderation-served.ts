/**
 * What Warden's moderation does with held-out text, as served: the whole check set of the default live and sandbox
 * policies (the classifier with its sentence and evader readings, the lexicon, PII and prompt-injection checks),
 * against a baseline measured in the same run: the bare model, one reading of the whole text at its own thresholds
 * (what `bench/moderation-quality.py` scores). Each row: the share of texts flagged or worse (issue #17 counts a
 * text as caught when it is flagged) and the share blocked outright; the live policy flags the non-severe categories
 * on input and blocks only the severe ones, the sandbox policy blocks every category. Prints a table; no assertions.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/moderation-served.js
 *
 * Sets (all held out from training; files under data/moderation): the two request probes, the self-harm, the
 * graphic-violence, the violence, the group-violence, the two child-safety, the two harassment and the two illicit
 * probes, the three hate probes, the figurative-speech, third request and idiom probes (harmful and benign rows),
 * AdvBench's harmful behaviours, HateCheck's functional tests of hate speech, XSTest's safe prompts and unsafe
 * contrasts, SimpleSafetyTests, AILuminate's demo prompts by hazard, and the default model's held-out generated
 * stories (read as output).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApplicationStatus } from '../server/src/applications/application.entity';
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import {
  ClassifierManifest,
  loadClassifierManifest,
} from '../server/src/moderation/classifier/classifier.manifest';
import { ClassifierService } from '../server/src/moderation/classifier/classifier.service';
import { ModerationResult, ModerationService } from '../server/src/moderation/moderation.service';
import { ACTION_SEVERITY, Direction, ModerationAction } from '../server/src/moderation/moderation.types';
import { defaultPolicy } from '../server/src/policies/policy.defaults';
import { standaloneModerationService } from '../server/src/moderation/standalone-moderation';
import { REPOSITORY_ROOT } from './gateway-processes';
import {
  advBenchBehaviours,
  aiLuminatePrompts,
  hateCheckCases,
  simpleSafetyTests,
  xsTestPrompts,
} from './evaluation-sets';
import { bareModel } from './moderation-checks';

const DATA = path.join(REPOSITORY_ROOT, 'data', 'moderation');
/** Texts moderated at once: enough to keep the classifier thread's batches full. */
const CHUNK = 64;

interface TextSet {
  name: string;
  harmful: boolean;
  direction: Direction;
  texts: string[];
}

/** A suite's harmful and benign rows as two input sets, in the order `sides` gives, each named by `nameOf`. */
function inputSets<Row extends { text: string }>(
  rows: Row[],
  isHarmful: (row: Row) => boolean,
  nameOf: (harmful: boolean) => string,
  sides = [true, false],
): TextSet[] {
  return sides.map((harmful) => ({
    name: nameOf(harmful),
    harmful,
    direction: Direction.Input,
    texts: rows.filter((row) => isHarmful(row) === harmful).map((row) => row.text),
  }));
}

function probeSets(folder: string, label: string): TextSet[] {
  const file = path.join(DATA, folder, 'requests.jsonl');
  if (!fs.existsSync(file)) return [];
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { text: string; harmful: boolean });
  // A probe of benign rows only (everyday questions, ordinary chat) has no harmful side.
  return inputSets(
    rows,
    (row) => row.harmful,
    (harmful) => `${label}, ${harmful ? 'harmful' : 'benign'}`,
    [true, false].filter((side) => rows.some((row) => row.harmful === side)),
  );
}

/** AdvBench's harmful behaviours. */
function advBench(): TextSet {
  const texts = advBenchBehaviours();
  return { name: 'AdvBench harmful behaviours', harmful: true, direction: Direction.Input, texts };
}

/** HateCheck's hateful cases and their non-hateful contrasts (evaluation only). */
function hateCheck(): TextSet[] {
  return inputSets(
    hateCheckCases(),
    (row) => row.hateful,
    (hateful) => `HateCheck, ${hateful ? 'hateful cases' : 'non-hateful contrasts'}`,
  );
}

/** XSTest's safe prompts that sound unsafe and their unsafe contrasts (evaluation only). */
function xsTest(): TextSet[] {
  return inputSets(
    xsTestPrompts(),
    (prompt) => !prompt.safe,
    (unsafe) => `XSTest, ${unsafe ? 'unsafe contrasts' : 'safe prompts'}`,
    [false, true],
  );
}

/** SimpleSafetyTests' harmful prompts and AILuminate's demo prompts by hazard (evaluation only). */
function harmfulPromptSuites(): TextSet[] {
  const simple: TextSet = {
    name: 'SimpleSafetyTests',
    harmful: true,
    direction: Direction.Input,
    texts: simpleSafetyTests().map((test) => test.text),
  };
  const prompts = aiLuminatePrompts();
  const hazards = [...new Set(prompts.map((prompt) => prompt.hazard))].sort();
  return [
    simple,
    ...hazards.map((hazard) => ({
      name: `AILuminate demo, ${hazard}`,
      harmful: true,
      direction: Direction.Input,
      texts: prompts.filter((prompt) => prompt.hazard === hazard).map((prompt) => prompt.text),
    })),
  ];
}

function generatedStories(): TextSet {
  const texts = fs
    .readFileSync(path.join(DATA, 'generated-stories', 'eval.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  return { name: 'generated stories (as output)', harmful: false, direction: Direction.Output, texts };
}

/** The bare model: the whole text read once, any label at or above its threshold. */
async function bareFlags(manifest: ClassifierManifest, texts: string[]): Promise<boolean[]> {
  const read = await bareModel(manifest);
  const thresholds = manifest.labels.map((label) => (label ? (manifest.thresholds[label] ?? 0.5) : Infinity));
  const flags: boolean[] = [];
  for (const text of texts) {
    const logits = await read(text);
    flags.push(thresholds.some((threshold, column) => 1 / (1 + Math.exp(-logits[column])) >= threshold));
  }
  return flags;
}

async function served(
  moderation: ModerationService,
  set: TextSet,
  status: ApplicationStatus,
): Promise<ModerationResult[]> {
  const policy = defaultPolicy(status);
  const results: ModerationResult[] = [];
  for (let start = 0; start < set.texts.length; start += CHUNK) {
    const chunk = await Promise.all(
      set.texts.slice(start, start + CHUNK).map((text) => moderation.moderate([text], set.direction, policy)),
    );
    results.push(...chunk.map(([result]) => result));
  }
  return results;
}

/** The categories (and the check behind each) that flagged the most texts, as `category (check) count`. */
function topReasons(results: ModerationResult[], count = 3): string {
  const tally = new Map<string, number>();
  for (const result of results) {
    const reasons = new Set(
      result.verdicts
        .filter((verdict) => verdict.triggered && atLeast(verdict.action, ModerationAction.Flag))
        .map((verdict) => `${verdict.category} (${verdict.check})`),
    );
    for (const reason of reasons) tally.set(reason, (tally.get(reason) ?? 0) + 1);
  }
  return (
    [...tally]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ') || '—'
  );
}

const atLeast = (action: ModerationAction, floor: ModerationAction) =>
  ACTION_SEVERITY[action] >= ACTION_SEVERITY[floor];

function share(count: number, total: number): string {
  return `${((100 * count) / Math.max(1, total)).toFixed(1)}% (${count})`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const manifest = loadClassifierManifest(config.moderation.classifierDirectory);
  const logger = createLogger('warn', 'bench');
  const classifier = new ClassifierService(config, logger);
  await classifier.onModuleInit();
  const moderation = standaloneModerationService(config, classifier, logger);
  const sets = [
    ...probeSets('request-probe', 'request probe'),
    ...probeSets('request-probe-2', 'second probe'),
    ...probeSets('self-harm-probe', 'self-harm probe'),
    ...probeSets('graphic-violence-probe', 'graphic-violence probe'),
    ...probeSets('violence-probe', 'violence probe'),
    ...probeSets('group-violence-probe', 'group-violence probe'),
    ...probeSets('child-safety-probe', 'child-safety probe'),
    ...probeSets('child-safety-probe-2', 'second child-safety probe'),
    ...probeSets('harassment-probe', 'harassment probe'),
    ...probeSets('illicit-probe', 'illicit probe'),
    ...probeSets('harassment-probe-2', 'second harassment probe'),
    ...probeSets('illicit-probe-2', 'second illicit probe'),
    ...probeSets('hate-probe', 'hate probe'),
    ...probeSets('hate-probe-2', 'second hate probe'),
    ...probeSets('hate-probe-3', 'third hate probe'),
    ...probeSets('figurative-probe', 'figurative-speech probe'),
    ...probeSets('request-probe-3', 'third probe'),
    ...probeSets('idiom-probe', 'idiom probe'),
    ...probeSets('hate-request-probe', 'hate-request probe'),
    ...probeSets('hate-request-probe-2', 'second hate-request probe'),
    ...probeSets('harassment-probe-3', 'third harassment probe'),
    ...probeSets('everyday-questions', 'everyday questions'),
    ...probeSets('ordinary-chat', 'ordinary chat'),
  ];
  sets.push(advBench(), ...hateCheck(), ...xsTest(), ...harmfulPromptSuites(), generatedStories());

  console.log(`\nModeration as served: classifier ${manifest.name}, default policies, no guard models\n`);
  console.log(
    '| set | n | bare model, whole text (baseline) | live: flagged or worse | live: blocked | sandbox: blocked | live flagged / baseline | live: most flagged for |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const set of sets) {
    const bare = (await bareFlags(manifest, set.texts)).filter(Boolean).length;
    const liveResults = await served(moderation, set, ApplicationStatus.Live);
    const live = liveResults.map((result) => result.action);
    const sandbox = (await served(moderation, set, ApplicationStatus.Sandbox)).map((result) => result.action);
    const liveBlocked = live.filter((action) => action === ModerationAction.Block).length;
    const liveFlagged = live.filter((action) => atLeast(action, ModerationAction.Flag)).length;
    const sandboxBlocked = sandbox.filter((action) => action === ModerationAction.Block).length;
    const n = set.texts.length;
    console.log(
      `| ${set.name} | ${n} | ${share(bare, n)} | ${share(liveFlagged, n)} | ${share(liveBlocked, n)} | ` +
        `${share(sandboxBlocked, n)} | ${bare ? (liveFlagged / bare).toFixed(2) : '—'}× | ${topReasons(liveResults)} |`,
    );
  }
  await classifier.onModuleDestroy();
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
