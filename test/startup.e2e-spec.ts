import { dataSourceOptions } from '../server/src/database/data-source';
import { DataSource } from 'typeorm';
import { dropDatabase, isolatedEnvironment, MAIN, queryDatabase } from './support/warden';
import { spawnSync } from 'node:child_process';

function start(env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [MAIN], { env, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stderr: result.stderr, elapsedMs: Date.now() - started };
}

describe('start-up', () => {
  it('lists every bad variable and exits', () => {
    const { env } = isolatedEnvironment('config');
    const result = start({
      ...env,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      WARDEN_INIT_API_KEY: 'sk-123',
      WARDEN_UPSTREAM_MODELS: 'a=b',
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('WARDEN_INIT_API_KEY');
  });

  it('names Postgres, the URL it tried and how to start it when Postgres is down', () => {
    const { env } = isolatedEnvironment('nopg');
    const result = start({ ...env, DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/warden' });
    expect(result.code).toBe(69);
    expect(result.stderr).toContain(
      'PostgreSQL is not reachable at postgres://postgres:****@127.0.0.1:1/warden',
    );
    expect(result.stderr).toContain('docker compose up -d postgres');
    expect(result.stderr).not.toContain('secret');
    expect(result.elapsedMs).toBeLessThan(20_000);
  });

  it('names Redis, the URL it tried and how to start it when Redis is down', () => {
    const { env } = isolatedEnvironment('noredis');
    const result = start({ ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(69);
    expect(result.stderr).toContain('Redis is not reachable at redis://127.0.0.1:1');
    expect(result.stderr).toContain('docker compose up -d redis');
  });
});

describe('migrations', () => {
  it('run up and down cleanly on an empty database', async () => {
    const { databaseUrl } = isolatedEnvironment('migrations');
    const name = new URL(databaseUrl).pathname.slice(1);
    await queryDatabase(new URL('/postgres', databaseUrl).toString(), `CREATE DATABASE "${name}"`);
    const dataSource = new DataSource({
      ...dataSourceOptions(databaseUrl),
      migrations: [`${__dirname}/../dist/migrations/*.js`],
    } as ConstructorParameters<typeof DataSource>[0]);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      const tables = async () =>
        (
          await dataSource.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
          )
        ).map((row: { table_name: string }) => row.table_name);
      expect(await tables()).toEqual(
        expect.arrayContaining(['api_keys', 'applications', 'organizations', 'request_logs']),
      );
      for (let i = 0; i < applied.length; i++) {
        await dataSource.undoLastMigration();
      }
      expect(await tables()).toEqual([]);
      expect(await dataSource.runMigrations()).toHaveLength(applied.length);
    } finally {
      await dataSource.destroy();
      await dropDatabase(databaseUrl);
    }
  });
});
