import { ConnectionOptions } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';
import { WardenConfig } from '../config/config';

export type RedisTarget = Pick<WardenConfig, 'redisUrl' | 'redisSentinels'>;

/**
 * Every Redis connection Warden opens starts here: the server REDIS_URL names, or, with REDIS_SENTINELS, the master
 * the Sentinels name (ioredis asks them, and asks again after a failover), reached with REDIS_URL's user, password,
 * db and TLS. Connections made with `duplicate()` inherit the same target.
 */
export function connectRedis(config: RedisTarget, options: RedisOptions = {}): Redis {
  return config.redisSentinels
    ? new Redis({ ...sentinelOptions(config), ...options })
    : new Redis(config.redisUrl, options);
}

/**
 * The same target as BullMQ's connection options: it builds its own ioredis clients from them (the same ioredis
 * as Warden's, whose option types its own declarations only approximate, hence the cast).
 */
export function queueConnection(config: RedisTarget): ConnectionOptions {
  const options = { maxRetriesPerRequest: null };
  return config.redisSentinels
    ? ({ ...sentinelOptions(config), ...options } as ConnectionOptions)
    : { url: config.redisUrl, ...options };
}

function sentinelOptions(config: RedisTarget): RedisOptions {
  const sentinels = config.redisSentinels!;
  const url = new URL(config.redisUrl);
  const db = Number(url.pathname.slice(1) || 0);
  return {
    sentinels: sentinels.hosts,
    name: sentinels.master,
    sentinelPassword: sentinels.password,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
