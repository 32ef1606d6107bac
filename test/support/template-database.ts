import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { CLI, dropDatabase, POSTGRES, queryDatabase } from './warden';

/**
 * Every Warden a suite starts would otherwise run all migrations on its fresh database. The jest run migrates
 * one template database instead, and each instance's database is a copy of it (`CREATE DATABASE … TEMPLATE`):
 * the instance's own preflight still runs and finds nothing to apply. Suites that prove migrations on an empty
 * database (start-up, first start) create theirs without it.
 */
export async function createTemplateDatabase(): Promise<string | undefined> {
  if (!fs.existsSync(CLI)) {
    return undefined; // nothing built (a unit-spec run): instances, if any, migrate their own databases
  }
  const name = `warden_test_template_${randomBytes(4).toString('hex')}`;
  const databaseUrl = `${POSTGRES}/${name}`;
  try {
    await queryDatabase(`${POSTGRES}/postgres`, `CREATE DATABASE "${name}"`);
  } catch (err) {
    if (!isConnectionRefused(err)) throw err;
    // No PostgreSQL: unit specs still run, and each e2e suite reports the missing server in its own words.
    return undefined;
  }
  const { code, output } = await migrate(databaseUrl);
  if (code !== 0) {
    await dropDatabase(databaseUrl);
    throw new Error(`migrating the template database failed (exit ${code}):\n${output}`);
  }
  return name;
}

export async function dropTemplateDatabase(name: string): Promise<void> {
  await dropDatabase(`${POSTGRES}/${name}`);
}

function migrate(databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'db:migrate'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, output }));
  });
}

function isConnectionRefused(err: unknown): boolean {
  if (err instanceof AggregateError) return err.errors.length > 0 && err.errors.every(isConnectionRefused);
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'ECONNREFUSED';
}
