import { ConnectionOptions } from 'bullmq';
import Redis, { Cluster, ClusterOptions, RedisOptions } from 'ioredis';
import { WardenConfig } from '../config/config';

export type RedisTarget = Pick<WardenConfig, 'redisUrl' | 'redisSentinels' | 'redisCluster'>;

/** A connection to a single Redis (direct or through Sentinel) or to a Redis Cluster: the same commands. */
export type RedisClient = Redis | Cluster;

/**
 * Every Redis connection Warden opens starts here: the server REDIS_URL names; with REDIS_SENTINELS, the master the
 * Sentinels name (ioredis asks them, and asks again after a failover); with REDIS_CLUSTER_NODES, the Cluster those
 * nodes belong to (ioredis learns the slots from them and follows redirections). REDIS_URL's user, password, db and
 * TLS apply to all three. Further connections to the same target come from `duplicateConnection`.
 */
export function connectRedis(config: RedisTarget, options: RedisOptions = {}): RedisClient {
  if (config.redisCluster) return new Cluster(config.redisCluster.nodes, clusterOptions(config, options));
  return config.redisSentinels
    ? new Redis({ ...sentinelOptions(config), ...options })
    : new Redis(config.redisUrl, options);
}

/** Another connection to the same target, with `options` on top of the first one's. */
export function duplicateConnection(client: RedisClient, options: RedisOptions = {}): RedisClient {
  if (client instanceof Cluster) {
    return client.duplicate([], { redisOptions: { ...client.options.redisOptions, ...options } });
  }
  return client.duplicate(options);
}

/**
 * The same target for BullMQ. It builds its own clients from options; a Cluster it can only be given as a client,
 * which it shares and never closes, so the caller closes it (`QueueModule`). BullMQ's option types only approximate
 * the ioredis Warden uses, hence the casts.
 */
export function queueConnection(config: RedisTarget): ConnectionOptions {
  const options: RedisOptions = { maxRetriesPerRequest: null };
  if (config.redisCluster) return connectRedis(config, options) as unknown as ConnectionOptions;
  return config.redisSentinels
    ? ({ ...sentinelOptions(config), ...options } as ConnectionOptions)
    : ({ url: config.redisUrl, ...options } as ConnectionOptions);
}

/**
 * Keys that one script, transaction or BullMQ queue touches together must share a Cluster slot: on a Cluster the
 * part of their name that groups them becomes a hash tag (`{part}`). Elsewhere names stay as they always were, so
 * an upgrade finds its queues and streams where it left them.
 */
export function hashTagged(config: Pick<RedisTarget, 'redisCluster'>, part: string): string {
  return config.redisCluster ? `{${part}}` : part;
}

function credentials(config: RedisTarget): RedisOptions {
  const url = new URL(config.redisUrl);
  return {
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

function sentinelOptions(config: RedisTarget): RedisOptions {
  const sentinels = config.redisSentinels!;
  const db = Number(new URL(config.redisUrl).pathname.slice(1) || 0);
  return {
    sentinels: sentinels.hosts,
    name: sentinels.master,
    sentinelPassword: sentinels.password,
    ...credentials(config),
    db: Number.isInteger(db) ? db : 0,
  };
}

/** A Cluster has one database; a connection's own options go to every node's connection. */
function clusterOptions(config: RedisTarget, options: RedisOptions): ClusterOptions {
  const { lazyConnect, retryStrategy, ...node } = options;
  return {
    lazyConnect,
    // A caller that gives up on a lost connection (the doctor) gives up on the Cluster too.
    ...(retryStrategy ? { clusterRetryStrategy: (attempts: number) => retryStrategy(attempts) } : {}),
    redisOptions: { ...credentials(config), ...node },
  };
}
