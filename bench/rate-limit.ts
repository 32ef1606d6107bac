/**
 * Rate-limit overhead per request: one atomic charge of the key, application and end-user budgets (the Lua script the
 * pipeline runs), against a bare Redis PING round trip measured in the same run; then the same charges from 16
 * concurrent callers (as an api under load makes them), against 16 concurrent PINGs: throughput, and CPU per charge
 * of this process and of Redis.
 *
 *   npm run build && node dist/bench/rate-limit.js [requests]
 */
import { connectRedis, RedisClient } from '../server/src/common/redis-connection';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../server/src/config/config';
import { BudgetScope, RateLimiter } from '../server/src/limits/rate-limiter';

const REQUESTS = Number(process.argv[2] ?? 5000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return times;
}

const CONCURRENT_CALLERS = 16;

interface ConcurrentRun {
  perSecond: number;
  clientCpuMicros: number;
  redisCpuMicros: number;
}

async function redisCpuMicros(redis: RedisClient): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return (field('used_cpu_sys') + field('used_cpu_user')) * 1e6;
}

/** `REQUESTS` calls from `CONCURRENT_CALLERS` callers that each wait for their previous call. */
async function concurrently(
  redis: RedisClient,
  run: (i: number) => Promise<unknown>,
): Promise<ConcurrentRun> {
  let next = 0;
  const redisBefore = await redisCpuMicros(redis);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT_CALLERS }, async () => {
      while (next < REQUESTS) await run(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const redisAfter = await redisCpuMicros(redis);
  return {
    perSecond: REQUESTS / seconds,
    clientCpuMicros: (cpu.user + cpu.system) / REQUESTS,
    redisCpuMicros: (redisAfter - redisBefore) / REQUESTS,
  };
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), redisPrefix: `bench_${randomBytes(4).toString('hex')}` };
  const redis = connectRedis(config);
  const limiter = new RateLimiter(redis, config);
  const budgets = (i: number) => [
    {
      scope: BudgetScope.Key,
      subject: 'key:bench',
      applicationId: 'bench',
      requestsPerMinute: 1e9,
      tokensPerMinute: 1e12,
    },
    {
      scope: BudgetScope.Application,
      subject: 'app:bench:production',
      applicationId: 'bench',
      requestsPerMinute: 1e9,
      tokensPerMinute: 1e12,
    },
    {
      scope: BudgetScope.EndUser,
      subject: `user:bench:${i % 100}`,
      applicationId: 'bench',
      requestsPerMinute: 1e9,
      tokensPerMinute: 1e12,
    },
  ];
  await time(() => redis.ping());
  const ping = await time(() => redis.ping());
  await time((i) => limiter.charge(budgets(i), 200));
  const charge = await time((i) => limiter.charge(budgets(i), 200));
  await concurrently(redis, () => redis.ping());
  const concurrentPing = await concurrently(redis, () => redis.ping());
  await concurrently(redis, (i) => limiter.charge(budgets(i), 200));
  const concurrentCharge = await concurrently(redis, (i) => limiter.charge(budgets(i), 200));
  const keys = await redis.keys(`${config.redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();

  const row = (name: string, values: number[]) =>
    `| ${name.padEnd(44)} | ${percentile(values, 50).toFixed(3).padStart(8)} | ${percentile(values, 99).toFixed(3).padStart(8)} |`;
  console.log(
    `\nRate-limit overhead: ${REQUESTS} sequential requests against ${config.redisSentinels ? 'Redis through Sentinel' : config.redisUrl}\n`,
  );
  console.log('| measurement                                  | p50 (ms) | p99 (ms) |');
  console.log('| -------------------------------------------- | -------- | -------- |');
  console.log(row('baseline: Redis PING round trip', ping));
  console.log(row('charge key + app + end-user budgets (Lua)', charge));
  console.log(
    `\nratio charge p50 / PING p50: ${(percentile(charge, 50) / percentile(ping, 50)).toFixed(2)}x; overhead per request ≈ ${percentile(charge, 50).toFixed(3)} ms`,
  );
  const concurrentRow = (name: string, run: ConcurrentRun) =>
    `| ${name.padEnd(44)} | ${run.perSecond.toFixed(0).padStart(8)} | ${run.clientCpuMicros.toFixed(1).padStart(14)} | ${run.redisCpuMicros.toFixed(1).padStart(13)} |`;
  console.log(`\n${CONCURRENT_CALLERS} concurrent callers, ${REQUESTS} calls:\n`);
  console.log('| measurement                                  | calls/s  | client CPU µs  | Redis CPU µs  |');
  console.log('| -------------------------------------------- | -------- | -------------- | ------------- |');
  console.log(concurrentRow('baseline: Redis PING', concurrentPing));
  console.log(concurrentRow('charge key + app + end-user budgets (Lua)', concurrentCharge));
  console.log(
    `\nratio charge calls/s / PING calls/s: ${(concurrentCharge.perSecond / concurrentPing.perSecond).toFixed(2)}x`,
  );
}

void main();
