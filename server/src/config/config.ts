import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

import { REPOSITORY_ROOT } from './repository-root';

export { REPOSITORY_ROOT };

const API_KEY_PATTERN = /^wk-[A-Za-z0-9]{8}_[A-Za-z0-9]{32,64}$/;

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** `alias=upstream-name,other` → { alias: 'upstream-name', other: 'other' } */
const modelMap = csv.transform((entries, ctx) => {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const [alias, target, extra] = entry.split('=').map((part) => part.trim());
    if (!alias || extra !== undefined || target === '') {
      ctx.addIssue({
        code: 'custom',
        message: `bad model mapping "${entry}" (expected alias or alias=upstream-model)`,
      });
      continue;
    }
    map[alias] = target ?? alias;
  }
  return map;
});

function isIpOrCidr(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (version === 4 ? 32 : 128);
}

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');
const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// URL');

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
  PGPORT: z.coerce.number().int().min(1).max(65535).default(5432),
  WARDEN_EMBEDDED_POSTGRES_DIR: z.string().default(path.join(REPOSITORY_ROOT, '.warden', 'postgres')),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** High availability: Sentinels (`host:port,host:port`) that name the master; REDIS_URL then gives only its credentials and db. */
  REDIS_SENTINELS: optionalString.pipe(
    z
      .string()
      .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'must be host:port[,host:port…]')
      .optional(),
  ),
  REDIS_SENTINEL_MASTER: z.string().min(1).default('mymaster'),
  /** Redis Cluster: some of its nodes (`host:port,host:port`); REDIS_URL then gives only credentials and TLS. */
  REDIS_CLUSTER_NODES: optionalString.pipe(
    z
      .string()
      .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'must be host:port[,host:port…]')
      .optional(),
  ),
  REDIS_SENTINEL_PASSWORD: optionalString,
  WARDEN_REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('warden'),
  WARDEN_INIT_ADMIN_EMAIL: optionalString.pipe(z.string().email().optional()),
  WARDEN_INIT_ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(12, 'must be at least 12 characters').optional(),
  ),
  WARDEN_INIT_API_KEY: optionalString.pipe(
    z
      .string()
      .regex(
        API_KEY_PATTERN,
        'must look like wk-<8 letters/digits>_<32-64 letters/digits>; `npm run warden -- keys:generate` prints one',
      )
      .optional(),
  ),
  WARDEN_MODELS_DIR: z.string().default(path.join(REPOSITORY_ROOT, 'models')),
  WARDEN_EMBEDDED_MODELS: csv.default(['stories260K']),
  WARDEN_DEFAULT_MODEL: optionalString,
  WARDEN_ENGINE_THREADS: z.coerce.number().int().min(1).max(64).default(1),
  WARDEN_ENGINE_MAX_BATCH: z.coerce.number().int().min(1).max(256).default(16),
  WARDEN_ENGINE_QUEUE_LIMIT: z.coerce.number().int().min(1).default(256),
  WARDEN_UPSTREAM_URL: optionalString.pipe(z.string().url().optional()),
  WARDEN_UPSTREAM_API_KEY: optionalString,
  WARDEN_UPSTREAM_MODELS: modelMap.default({}),
  WARDEN_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(60000),
  WARDEN_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30000),
  /** Active keys one application may hold at once; rotation and revocation free a place. */
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  WARDEN_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** Lets webhooks target loopback, private and link-local addresses (tests, closed networks). */
  WARDEN_WEBHOOK_ALLOW_PRIVATE: z.stringbool().default(false),
  WARDEN_MAX_ACTIVE_KEYS_PER_APPLICATION: z.coerce.number().int().min(1).max(1000).default(5),
  WARDEN_LOG_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  WARDEN_WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  WARDEN_MODERATION_MODEL_DIR: z.string().default(path.join(REPOSITORY_ROOT, 'models', 'moderation')),
  WARDEN_MODERATION_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  WARDEN_GUARD_URL: optionalString.pipe(z.string().url().optional()),
  WARDEN_GUARD_API_KEY: optionalString,
  WARDEN_GUARD_MODEL: optionalString,
  WARDEN_GUARD_FORMAT: z.enum(['llama-guard', 'shieldgemma']).default('llama-guard'),
  WARDEN_GUARD_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  WARDEN_UPSTREAM_MODERATION_URL: optionalString.pipe(z.string().url().optional()),
  WARDEN_UPSTREAM_MODERATION_API_KEY: optionalString,
  WARDEN_UPSTREAM_MODERATION_MODEL: optionalString,
  WARDEN_UPSTREAM_MODERATION_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  WARDEN_MONITOR_INTERVAL_MS: z.coerce.number().int().min(500).default(60_000),
  WARDEN_CONSOLE_DIR: z.string().default(path.join(REPOSITORY_ROOT, 'admin-ui', 'dist')),
  WARDEN_PORTAL_UI_DIR: z.string().default(path.join(REPOSITORY_ROOT, 'portal-ui', 'dist')),
  WARDEN_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).default(120_000),
  WARDEN_TRUSTED_PROXIES: csv.default([]).refine((entries) => entries.every((entry) => isIpOrCidr(entry)), {
    message: 'must list IP addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
  }),
  WARDEN_FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(512 * 1024 * 1024)
    .default(32 * 1024 * 1024),
  WARDEN_FINE_TUNING_ACTIVE_JOBS_PER_ORG: z.coerce.number().int().min(1).default(2),
  WARDEN_FINE_TUNING_JOBS_PER_DAY_PER_ORG: z.coerce.number().int().min(1).default(20),
  WARDEN_FINE_TUNING_CACHE_DIR: z.string().default(path.join(os.tmpdir(), 'warden-fine-tuned')),
  WARDEN_UPSTREAM_FINE_TUNING_POLL_MS: z.coerce.number().int().min(50).default(10_000),
  WARDEN_UPSTREAM_FINE_TUNING: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((value) => value === 'true'),
});

type Env = z.infer<typeof schema>;

export interface WardenConfig {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  /** Unset: pretty on a terminal, JSON otherwise. */
  logFormat?: Env['LOG_FORMAT'];
  databaseUrl: string;
  /** Present when DATABASE_URL is unset: where `npm start` keeps a PostgreSQL of its own if none answers. */
  embeddedPostgres?: { directory: string; port: number };
  redisUrl: string;
  /** Set when Redis is reached through Sentinel: the master they name is used, with REDIS_URL's credentials and db. */
  redisSentinels?: { hosts: Array<{ host: string; port: number }>; master: string; password?: string };
  /** Seed nodes of a Redis Cluster; Warden's keys then carry hash tags so each multi-key step stays in one slot. */
  redisCluster?: { nodes: Array<{ host: string; port: number }> };
  redisPrefix: string;
  init: { adminEmail?: string; adminPassword?: string; apiKey?: string };
  models: {
    directory: string;
    embedded: string[];
    defaultModel?: string;
    engine: { threads: number; maxBatch: number; queueLimit: number };
  };
  upstream?: { baseUrl: string; apiKey?: string; models: Record<string, string>; timeoutMs: number };
  keyCacheTtlMs: number;
  maxActiveKeysPerApplication: number;
  metricsToken?: string;
  webhookAllowPrivate: boolean;
  requestLog: { batchSize: number };
  workerConcurrency: number;
  moderation: {
    classifierDirectory: string;
    threads: number;
    /** An OpenAI-compatible chat endpoint serving a guard model (Llama Guard 3/4, ShieldGemma). */
    llmGuard?: GuardEndpoint & { model: string; format: 'llama-guard' | 'shieldgemma' };
    /** An OpenAI-compatible /v1/moderations endpoint (OpenAI's own, or another Warden). */
    upstreamModeration?: GuardEndpoint & { model?: string };
  };
  monitoring: { intervalMs: number };
  consoleDir: string;
  /** The developer portal's build, served under /developers. */
  portalUiDir: string;
  /** Proxies whose X-Forwarded-For is believed (IPs or CIDR ranges); none by default. */
  trustedProxies: string[];
  /** The longest a client may take to send a request's headers and body. */
  requestTimeoutMs: number;
  fineTuning: {
    /** Largest upload accepted by POST /v1/files. */
    maxFileBytes: number;
    /** Jobs of one organization not yet finished, and jobs created per rolling 24 hours. */
    activeJobsPerOrganization: number;
    jobsPerDayPerOrganization: number;
    /** Where each instance writes the fine-tuned ONNX models it serves (they live in Postgres). */
    cacheDirectory: string;
    /** Pass jobs on upstream models to the upstream's fine-tuning API, polling it this often. */
    upstream: boolean;
    upstreamPollMs: number;
  };
}

export interface GuardEndpoint {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WardenConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const value = parsed.data;
  const problems: string[] = [];
  if (Boolean(value.WARDEN_INIT_ADMIN_EMAIL) !== Boolean(value.WARDEN_INIT_ADMIN_PASSWORD)) {
    problems.push('WARDEN_INIT_ADMIN_EMAIL and WARDEN_INIT_ADMIN_PASSWORD must be set together');
  }
  if (Object.keys(value.WARDEN_UPSTREAM_MODELS).length > 0 && !value.WARDEN_UPSTREAM_URL) {
    problems.push('WARDEN_UPSTREAM_MODELS: set WARDEN_UPSTREAM_URL too');
  }
  if (value.WARDEN_UPSTREAM_URL && Object.keys(value.WARDEN_UPSTREAM_MODELS).length === 0) {
    problems.push(
      'WARDEN_UPSTREAM_MODELS: list the models to serve from WARDEN_UPSTREAM_URL (alias=upstream-name)',
    );
  }
  if (value.REDIS_SENTINELS && value.REDIS_CLUSTER_NODES) {
    problems.push('REDIS_SENTINELS and REDIS_CLUSTER_NODES: name Sentinels or a Cluster, not both');
  }
  if (value.WARDEN_GUARD_URL && !value.WARDEN_GUARD_MODEL) {
    problems.push('WARDEN_GUARD_MODEL: name the guard model served at WARDEN_GUARD_URL');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    env: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
    logFormat: value.LOG_FORMAT,
    databaseUrl: value.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${value.PGPORT}/warden`,
    embeddedPostgres: value.DATABASE_URL
      ? undefined
      : { directory: path.resolve(value.WARDEN_EMBEDDED_POSTGRES_DIR), port: value.PGPORT },
    redisUrl: value.REDIS_URL,
    redisSentinels: value.REDIS_SENTINELS
      ? {
          hosts: hostPorts(value.REDIS_SENTINELS),
          master: value.REDIS_SENTINEL_MASTER,
          password: value.REDIS_SENTINEL_PASSWORD,
        }
      : undefined,
    redisCluster: value.REDIS_CLUSTER_NODES ? { nodes: hostPorts(value.REDIS_CLUSTER_NODES) } : undefined,
    redisPrefix: value.WARDEN_REDIS_PREFIX,
    init: {
      adminEmail: value.WARDEN_INIT_ADMIN_EMAIL,
      adminPassword: value.WARDEN_INIT_ADMIN_PASSWORD,
      apiKey: value.WARDEN_INIT_API_KEY,
    },
    models: {
      directory: path.resolve(value.WARDEN_MODELS_DIR),
      embedded: value.WARDEN_EMBEDDED_MODELS,
      defaultModel: value.WARDEN_DEFAULT_MODEL,
      engine: {
        threads: value.WARDEN_ENGINE_THREADS,
        maxBatch: value.WARDEN_ENGINE_MAX_BATCH,
        queueLimit: value.WARDEN_ENGINE_QUEUE_LIMIT,
      },
    },
    upstream: value.WARDEN_UPSTREAM_URL
      ? {
          baseUrl: value.WARDEN_UPSTREAM_URL.replace(/\/+$/, ''),
          apiKey: value.WARDEN_UPSTREAM_API_KEY,
          models: value.WARDEN_UPSTREAM_MODELS,
          timeoutMs: value.WARDEN_UPSTREAM_TIMEOUT_MS,
        }
      : undefined,
    keyCacheTtlMs: value.WARDEN_KEY_CACHE_TTL_MS,
    maxActiveKeysPerApplication: value.WARDEN_MAX_ACTIVE_KEYS_PER_APPLICATION,
    metricsToken: value.WARDEN_METRICS_TOKEN,
    webhookAllowPrivate: value.WARDEN_WEBHOOK_ALLOW_PRIVATE,
    requestLog: { batchSize: value.WARDEN_LOG_BATCH_SIZE },
    workerConcurrency: value.WARDEN_WORKER_CONCURRENCY,
    moderation: {
      classifierDirectory: path.resolve(value.WARDEN_MODERATION_MODEL_DIR),
      threads: value.WARDEN_MODERATION_THREADS,
      llmGuard:
        value.WARDEN_GUARD_URL && value.WARDEN_GUARD_MODEL
          ? {
              baseUrl: value.WARDEN_GUARD_URL.replace(/\/+$/, ''),
              apiKey: value.WARDEN_GUARD_API_KEY,
              model: value.WARDEN_GUARD_MODEL,
              format: value.WARDEN_GUARD_FORMAT,
              timeoutMs: value.WARDEN_GUARD_TIMEOUT_MS,
            }
          : undefined,
      upstreamModeration: value.WARDEN_UPSTREAM_MODERATION_URL
        ? {
            baseUrl: value.WARDEN_UPSTREAM_MODERATION_URL.replace(/\/+$/, ''),
            apiKey: value.WARDEN_UPSTREAM_MODERATION_API_KEY,
            model: value.WARDEN_UPSTREAM_MODERATION_MODEL,
            timeoutMs: value.WARDEN_UPSTREAM_MODERATION_TIMEOUT_MS,
          }
        : undefined,
    },
    monitoring: { intervalMs: value.WARDEN_MONITOR_INTERVAL_MS },
    consoleDir: value.WARDEN_CONSOLE_DIR,
    portalUiDir: value.WARDEN_PORTAL_UI_DIR,
    trustedProxies: value.WARDEN_TRUSTED_PROXIES,
    requestTimeoutMs: value.WARDEN_REQUEST_TIMEOUT_MS,
    fineTuning: {
      maxFileBytes: value.WARDEN_FILES_MAX_BYTES,
      activeJobsPerOrganization: value.WARDEN_FINE_TUNING_ACTIVE_JOBS_PER_ORG,
      jobsPerDayPerOrganization: value.WARDEN_FINE_TUNING_JOBS_PER_DAY_PER_ORG,
      cacheDirectory: path.resolve(value.WARDEN_FINE_TUNING_CACHE_DIR),
      upstream: value.WARDEN_UPSTREAM_FINE_TUNING,
      upstreamPollMs: value.WARDEN_UPSTREAM_FINE_TUNING_POLL_MS,
    },
  };
}

/** `host:port,host:port` as the regex above admits it. */
function hostPorts(list: string): Array<{ host: string; port: number }> {
  return list.split(',').map((entry) => {
    const [host, port] = entry.split(':');
    return { host, port: Number(port) };
  });
}
