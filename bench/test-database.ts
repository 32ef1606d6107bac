/**
 * What a suite's Warden start spends on its database: a fresh database that the preflight migrates (every
 * migration, as a first start does) against a copy of the jest run's migrated template (test/support/
 * global-setup.ts) on which the same preflight finds nothing to apply. Rounds are interleaved; medians shown.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/test-database.js [rounds]
 */
import { randomBytes } from 'node:crypto';
import { createDataSource } from '../server/src/database/data-source';
import { adminQuery, loadAverage } from './gateway-processes';

const ROUNDS = Number(process.argv[2] ?? 5);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The launcher's preflight: connect, apply whatever is pending (one transaction each), disconnect. */
async function migrate(name: string): Promise<number> {
  const dataSource = createDataSource(`${POSTGRES}/${name}`);
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).length;
  } finally {
    await dataSource.destroy();
  }
}

async function timed(prepare: (name: string) => Promise<void>): Promise<{ ms: number; applied: number }> {
  const name = `warden_bench_testdb_${randomBytes(4).toString('hex')}`;
  const started = performance.now();
  await prepare(name);
  const applied = await migrate(name);
  const ms = performance.now() - started;
  await adminQuery(`DROP DATABASE "${name}" WITH (FORCE)`);
  return { ms, applied };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const template = `warden_bench_template_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${template}"`);
  try {
    await migrate(template);
    const fresh: number[] = [];
    const copied: number[] = [];
    let applied = { fresh: 0, copied: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const a = await timed((name) => adminQuery(`CREATE DATABASE "${name}"`));
      const b = await timed((name) => adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      fresh.push(a.ms);
      copied.push(b.ms);
      applied = { fresh: a.applied, copied: b.applied };
    }
    process.stdout.write(`rounds ${ROUNDS}\n\n`);
    process.stdout.write('database for one Warden start          median ms  migrations applied\n');
    process.stdout.write(
      `fresh (create + every migration)       ${median(fresh).toFixed(0).padStart(9)}  ${applied.fresh}\n`,
    );
    process.stdout.write(
      `template copy (create + nothing to do) ${median(copied).toFixed(0).padStart(9)}  ${applied.copied}\n`,
    );
    process.stdout.write(`\nratio fresh / template copy: ${(median(fresh) / median(copied)).toFixed(2)}\n`);
    process.stdout.write(`load average (1, 5, 15 min) before: ${loadBefore}, after: ${loadAverage()}\n`);
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
