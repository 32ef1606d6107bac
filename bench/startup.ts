/**
 * What one Warden start costs, as `npm start` and every e2e suite start it (`node dist/server/src/main.js`: the
 * launcher prepares the database, then forks the api and the worker): the time from the spawn to the first 200 from
 * /health, the time until both roles are ready (the launcher's banner), and the CPU time the launcher and its
 * children (all threads) had spent by then. Each start gets a copy of
 * a migrated template database (as a suite's does) and a Redis prefix of its own. With `--baseline-dist DIR` another
 * build (e.g. main's, built in a separate checkout) is started in alternation in the same run, and the ratios are
 * printed. Medians are shown.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/startup.js [--rounds N] [--baseline-dist DIR]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../server/src/database/data-source';
import {
  adminQuery,
  DIST,
  freePort,
  loadAverage,
  median,
  Processes,
  processCpuMicros,
  removeWarden,
  waitFor,
} from './gateway-processes';

const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Options {
  rounds: number;
  baselineDist?: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rounds: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--rounds') options.rounds = Number(value);
    else if (argv[i] === '--baseline-dist') options.baselineDist = path.resolve(value);
    else throw new Error(`unknown option ${argv[i]} (use --rounds N, --baseline-dist DIR)`);
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1)
    throw new Error('--rounds needs a whole number');
  return options;
}

/** A process and its descendants, read from /proc (Linux only). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited while listed
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

interface Start {
  healthyMs: number;
  readyMs: number;
  cpuMs: number;
}

async function start(
  processes: Processes,
  label: string,
  dist: string,
  template: string,
  round: number,
): Promise<Start> {
  const suffix = randomBytes(4).toString('hex');
  const database = `warden_bench_startup_${suffix}`;
  await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `${POSTGRES}/${database}`,
    REDIS_URL: REDIS,
    WARDEN_REDIS_PREFIX: `bench_startup_${suffix}`,
  };
  const name = `${label}-${round}`;
  const started = performance.now();
  const launcher = processes.start(name, [path.join(dist, 'server', 'src', 'main.js')], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `Warden (${label})`,
    launcher,
    async () => (await fetch(`${url}/health`)).ok,
    () => processes.log(name),
  );
  const healthyMs = performance.now() - started;
  // The launcher prints its banner once the api and the worker both said they are ready.
  await waitFor(
    `Warden's worker (${label})`,
    launcher,
    async () => processes.log(name).includes('Warden is running'),
    () => processes.log(name),
  );
  const readyMs = performance.now() - started;
  const cpuMs =
    processTree(launcher.pid!).reduce((sum, pid) => {
      try {
        return sum + processCpuMicros(pid);
      } catch {
        return sum;
      }
    }, 0) / 1000;
  const exited = new Promise((resolve) => launcher.once('exit', resolve));
  launcher.kill('SIGTERM');
  await exited;
  await removeWarden({ databaseUrl: env.DATABASE_URL!, env });
  return { healthyMs, readyMs, cpuMs };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const builds = [
    { label: 'this build', dist: DIST },
    ...(options.baselineDist ? [{ label: 'baseline', dist: options.baselineDist }] : []),
  ];
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-startup-'));
  const processes = new Processes(logDir);
  const template = `warden_bench_startup_template_${randomBytes(4).toString('hex')}`;
  const loadBefore = loadAverage();
  await adminQuery(`CREATE DATABASE "${template}"`);
  try {
    const dataSource = createDataSource(`${POSTGRES}/${template}`);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    const results = new Map<string, Start[]>(builds.map((build) => [build.label, []]));
    // One start of each build first, not counted: the first reads every file from disk.
    for (const build of builds) await start(processes, `${build.label}-warm`, build.dist, template, 0);
    for (let round = 1; round <= options.rounds; round++) {
      const order = round % 2 === 0 ? [...builds].reverse() : builds;
      for (const build of order) {
        results.get(build.label)!.push(await start(processes, build.label, build.dist, template, round));
      }
    }
    process.stdout.write(`rounds ${options.rounds} (after one uncounted start of each build)\n\n`);
    process.stdout.write(
      'medians, ms    /health answers   api and worker ready   CPU by then (all processes)\n',
    );
    for (const build of builds) {
      const starts = results.get(build.label)!;
      const column = (pick: (s: Start) => number, width: number) =>
        median(starts.map(pick)).toFixed(0).padStart(width);
      process.stdout.write(
        `${build.label.padEnd(12)} ${column((s) => s.healthyMs, 17)}   ${column((s) => s.readyMs, 20)}   ${column((s) => s.cpuMs, 27)}\n`,
      );
    }
    if (options.baselineDist) {
      const [mine, base] = builds.map((build) => results.get(build.label)!);
      const ratio = (pick: (s: Start) => number) =>
        (median(mine.map(pick)) / median(base.map(pick))).toFixed(2);
      process.stdout.write(
        `\nratio this build / baseline: /health ${ratio((s) => s.healthyMs)}, both ready ${ratio((s) => s.readyMs)}, CPU ${ratio((s) => s.cpuMs)}\n`,
      );
    }
    process.stdout.write(`load average (1, 5, 15 min) before: ${loadBefore}, after: ${loadAverage()}\n`);
  } finally {
    await processes.stopAll();
    await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
