/**
 * What the default strike policies do to end users: how many ordinary end users asking everyday questions are ever
 * throttled or blocked in 30 days, and after how many harmful requests an abuser is, against the previous defaults
 * (live: throttle at 5, block at 10; sandbox: 3 and 6; points never faded) in the same run. Every request's points are
 * the ones the server would record (`strikePoints` of its verdicts under the default live, then sandbox, policy); the
 * simulation fades them as the `decayed_strike_points` SQL does (whole half-lives on the end user's own clock).
 * Prints a table; no assertions.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/strikes.js [--policy THROTTLE/BLOCK/HALF_LIFE_HOURS ...]
 *
 * `--policy 10/30/4` adds a row for those settings (`never` as the half-life: points never fade).
 *
 * Ordinary requests: `data/moderation/everyday-questions` (400 everyday questions written blind, none harmful) and
 * XSTest's 250 safe prompts that sound unsafe. Harmful requests: AdvBench's 520 harmful behaviours and
 * SimpleSafetyTests' 100 prompts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../server/src/bias/stats';
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import { strikePoints, statusFor, EndUserStatus } from '../server/src/end-users/strikes';
import { ClassifierService } from '../server/src/moderation/classifier/classifier.service';
import { Direction } from '../server/src/moderation/moderation.types';
import { standaloneModerationService } from '../server/src/moderation/standalone-moderation';
import { ModerationService } from '../server/src/moderation/moderation.service';
import { defaultPolicy, SANDBOX_STATUS } from '../server/src/policies/policy.defaults';
import { StrikePolicy } from '../server/src/policies/policy.types';
import { advBenchBehaviours, simpleSafetyTests, xsTestPrompts } from './evaluation-sets';
import { REPOSITORY_ROOT } from './gateway-processes';

/** The defaults before strike points faded (the baseline of each table). */
const PREVIOUS_DEFAULTS: Record<string, StrikePolicy> = {
  live: { throttleAt: 5, blockAt: 10, throttledRequestsPerMinute: 5, halfLifeHours: null },
  [SANDBOX_STATUS]: { throttleAt: 3, blockAt: 6, throttledRequestsPerMinute: 2, halfLifeHours: null },
};
const DAYS = 30;
const END_USERS = 400;
/** Minutes between an abuser's harmful requests: a burst, and one an hour. */
const ABUSER_GAPS_MINUTES = [1, 60];
const ABUSER_REQUESTS = 400;
const CHUNK = 64;

interface Request {
  hours: number;
  points: number;
}

/** The request (1-based) after which an end user is first throttled and first blocked, their points faded as the SQL fades them. */
function firstStrikeActions(
  requests: Request[],
  policy: StrikePolicy,
): { throttledAt?: number; blockedAt?: number } {
  let points = 0;
  let clock: number | null = null;
  let throttledAt: number | undefined;
  let blockedAt: number | undefined;
  requests.forEach((request, index) => {
    clock ??= request.hours;
    if (policy.halfLifeHours) {
      const halvings = Math.min(64, Math.floor((request.hours - clock) / policy.halfLifeHours));
      points *= 0.5 ** halvings;
      clock += halvings * policy.halfLifeHours;
    }
    points += request.points;
    const status = statusFor(points, policy);
    if (status !== EndUserStatus.Active) throttledAt ??= index + 1;
    if (status === EndUserStatus.Blocked) blockedAt ??= index + 1;
  });
  return { throttledAt, blockedAt };
}

/** One of the pool's points, drawn at random. */
function drawn(points: number[], random: () => number): number {
  return points[Math.floor(random() * points.length)];
}

function ordinaryEndUsers(
  points: number[],
  perDay: number,
  policy: StrikePolicy,
  seed: number,
): { throttled: number; blocked: number } {
  const random = seededRandom(seed);
  let throttled = 0;
  let blocked = 0;
  for (let user = 0; user < END_USERS; user += 1) {
    const requests = Array.from({ length: perDay * DAYS }, () => ({
      hours: random() * DAYS * 24,
      points: drawn(points, random),
    })).sort((a, b) => a.hours - b.hours);
    const { throttledAt, blockedAt } = firstStrikeActions(requests, policy);
    if (throttledAt !== undefined) throttled += 1;
    if (blockedAt !== undefined) blocked += 1;
  }
  return { throttled: throttled / END_USERS, blocked: blocked / END_USERS };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function abuser(
  points: number[],
  gapMinutes: number,
  policy: StrikePolicy,
  seed: number,
): { throttledAfter: string; blockedAfter: string } {
  const random = seededRandom(seed);
  const throttled: number[] = [];
  const blocked: number[] = [];
  for (let user = 0; user < END_USERS; user += 1) {
    const requests = Array.from({ length: ABUSER_REQUESTS }, (_, index) => ({
      hours: (index * gapMinutes) / 60,
      points: drawn(points, random),
    }));
    const outcome = firstStrikeActions(requests, policy);
    throttled.push(outcome.throttledAt ?? Infinity);
    blocked.push(outcome.blockedAt ?? Infinity);
  }
  const show = (value: number) => (Number.isFinite(value) ? String(value) : `never (${ABUSER_REQUESTS})`);
  return { throttledAfter: show(median(throttled)), blockedAfter: show(median(blocked)) };
}

/** Each text's strike points under the default policy of `status`, read as the server reads an input. */
async function pointsOf(moderation: ModerationService, texts: string[], status: string): Promise<number[]> {
  const policy = defaultPolicy(status);
  const points: number[] = [];
  for (let start = 0; start < texts.length; start += CHUNK) {
    const results = await moderation.moderate(texts.slice(start, start + CHUNK), Direction.Input, policy);
    points.push(...results.map((result) => strikePoints(result.verdicts)));
  }
  return points;
}

function probeTexts(folder: string): string[] {
  return fs
    .readFileSync(path.join(REPOSITORY_ROOT, 'data', 'moderation', folder, 'requests.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

/** Ordinary traffic: typical (chat written blind) and the hardest benign we have (questions shaped like requests). */
function ordinaryPools(): Array<{ name: string; texts: string[]; perDay: number[] }> {
  const safePrompts = xsTestPrompts()
    .filter((prompt) => prompt.safe)
    .map((prompt) => prompt.text);
  return [
    { name: 'ordinary chat', texts: probeTexts('ordinary-chat'), perDay: [30, 100] },
    {
      name: 'everyday questions + XSTest safe',
      texts: [...probeTexts('everyday-questions'), ...safePrompts],
      perDay: [10, 30, 100],
    },
  ];
}

async function main(): Promise<void> {
  const harmfulTexts = [...advBenchBehaviours(), ...simpleSafetyTests().map((test) => test.text)];
  const config = loadConfig(process.env);
  const logger = createLogger('silent', 'bench-strikes');
  const classifier = new ClassifierService(config, logger);
  await classifier.onModuleInit();
  const moderation = standaloneModerationService(config, classifier, logger);
  const extra = extraPolicies(process.argv.slice(2));
  const pools = ordinaryPools();
  console.log(`${END_USERS} simulated end users a cell, ${DAYS} days; abusers send harmful requests only`);
  for (const status of ['live', SANDBOX_STATUS]) {
    const ordinary = await Promise.all(pools.map((pool) => pointsOf(moderation, pool.texts, status)));
    const harmful = await pointsOf(moderation, harmfulTexts, status);
    const mean = (values: number[]) => (values.reduce((a, b) => a + b, 0) / values.length).toFixed(3);
    const earning = pools.map(
      (pool, index) =>
        `${pool.name} ${mean(ordinary[index])} (${ordinary[index].filter((points) => points > 0).length} of ` +
        `${pool.texts.length} earn any)`,
    );
    console.log(`\n${status} policy: points a request: ${earning.join('; ')}; harmful ${mean(harmful)}\n`);
    const header = [
      'strike policy',
      ...pools.flatMap((pool) =>
        pool.perDay.map((perDay) => `${pool.name}, ${perDay}/day: ever throttled / blocked`),
      ),
      ...ABUSER_GAPS_MINUTES.map((gap) => `abuser, 1 every ${gap} min: throttled / blocked after (median)`),
    ];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
    const policies: StrikePolicy[] = [PREVIOUS_DEFAULTS[status], defaultPolicy(status).strikes, ...extra];
    policies.forEach((policy, row) => {
      const name = row === 0 ? 'previous default' : row === 1 ? 'default' : '';
      const cells = [`${name}${name ? ': ' : ''}${describe(policy)}`];
      pools.forEach((pool, poolIndex) =>
        pool.perDay.forEach((perDay, index) => {
          const { throttled, blocked } = ordinaryEndUsers(
            ordinary[poolIndex],
            perDay,
            policy,
            1000 + 10 * poolIndex + index,
          );
          cells.push(`${percent(throttled)} / ${percent(blocked)}`);
        }),
      );
      ABUSER_GAPS_MINUTES.forEach((gap, index) => {
        const { throttledAfter, blockedAfter } = abuser(harmful, gap, policy, 2000 + index);
        cells.push(`${throttledAfter} / ${blockedAfter}`);
      });
      console.log(`| ${cells.join(' | ')} |`);
    });
  }
  await classifier.onModuleDestroy();
}

function extraPolicies(args: string[]): StrikePolicy[] {
  const policies: StrikePolicy[] = [];
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] !== '--policy') throw new Error(`unknown argument ${args[index]}`);
    const [throttleAt, blockAt, halfLife] = (args[(index += 1)] ?? '').split('/');
    const policy = {
      throttleAt: Number(throttleAt),
      blockAt: Number(blockAt),
      throttledRequestsPerMinute: 5,
      halfLifeHours: halfLife === 'never' ? null : Number(halfLife),
    };
    if (
      ![policy.throttleAt, policy.blockAt, policy.halfLifeHours ?? 1].every(
        (n) => Number.isFinite(n) && n > 0,
      )
    ) {
      throw new Error(`--policy THROTTLE/BLOCK/HALF_LIFE_HOURS, got ${args[index]}`);
    }
    policies.push(policy);
  }
  return policies;
}

function describe(policy: StrikePolicy): string {
  const fading = policy.halfLifeHours === null ? 'never fades' : `halves every ${policy.halfLifeHours} h`;
  return `${policy.throttleAt} / ${policy.blockAt}, ${fading}`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
