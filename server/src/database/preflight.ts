import { connectRedis, RedisTarget } from '../common/redis-connection';
import { Client } from 'pg';
import { Logger } from 'pino';
import { WardenConfig } from '../config/config';
import { createDataSource } from './data-source';

export class PreflightError extends Error {}

const POSTGRES_HINT =
  'Start it with `docker compose up -d postgres`, or the local service ' +
  '(`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`), or point DATABASE_URL at a running server ' +
  '(with DATABASE_URL unset, `npm start` runs an embedded PostgreSQL instead).';
export const REDIS_HINT =
  'Start it with one of: `docker compose up -d redis`; the distribution package ' +
  '(`sudo apt-get install redis-server`, then `sudo systemctl start redis-server`); or `redis-server --daemonize yes`. ' +
  'Or point REDIS_URL at a running server.';

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '****';
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** True when something accepts connections at the URL's host and port (whatever it then says about the login). */
export async function postgresAnswers(databaseUrl: string): Promise<boolean> {
  try {
    await withClient(databaseUrl, async () => undefined);
    return true;
  } catch (err) {
    return !isConnectionRefused(err);
  }
}

/** Connects to the configured database, creating it first if the server is there but the database is not. */
export async function ensureDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  try {
    await withClient(databaseUrl, async () => undefined);
    return;
  } catch (err) {
    if (!isMissingDatabase(err)) {
      throw new PreflightError(
        `PostgreSQL is not reachable at ${redactUrl(databaseUrl)}: ${describe(err)}. ${POSTGRES_HINT}`,
      );
    }
  }
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  try {
    await withClient(maintenance.toString(), async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        logger.info({ database: name }, 'created database');
      }
    });
  } catch (err) {
    throw new PreflightError(
      `Could not create database "${name}" on ${redactUrl(maintenance.toString())}: ${describe(err)}`,
    );
  }
}

export async function checkRedis(config: RedisTarget): Promise<void> {
  const redis = connectRedis(config, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    sentinelRetryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new PreflightError(
      `Redis is not reachable at ${describeRedis(config)}: ${describe(err)}. ${REDIS_HINT}`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Where Redis is, for messages: never its password. */
export function describeRedis(config: RedisTarget): string {
  const list = (hosts: Array<{ host: string; port: number }>) =>
    hosts.map(({ host, port }) => `${host}:${port}`).join(',');
  if (config.redisCluster) return `the Redis Cluster of ${list(config.redisCluster.nodes)}`;
  const sentinels = config.redisSentinels;
  if (!sentinels) return redactUrl(config.redisUrl);
  return `the master "${sentinels.master}" of the Sentinels at ${list(sentinels.hosts)}`;
}

/** Applies pending migrations under an advisory lock so replicas starting together do not race. */
export async function migrate(config: WardenConfig, logger: Logger): Promise<void> {
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext('warden:migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) {
      logger.info(
        { migrations: applied.map((migration) => migration.name) },
        `applied ${applied.length} migrations`,
      );
    }
    await lock.query(`SELECT pg_advisory_unlock(hashtext('warden:migrations'))`);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function isConnectionRefused(err: unknown): boolean {
  if (err instanceof AggregateError) {
    return err.errors.length > 0 && err.errors.every(isConnectionRefused);
  }
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'ECONNREFUSED';
}

function isMissingDatabase(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '3D000';
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    return describe(err.errors[0]);
  }
  return err instanceof Error ? err.message || err.name : String(err);
}
