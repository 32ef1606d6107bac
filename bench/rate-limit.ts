/**
 * Rate-limit overhead per request: one atomic charge of the key, application and end-user budgets (the Lua script the
 * pipeline runs), against a bare Redis PING round trip measured in the same run.
 *
 *   npm run build && node dist/bench/rate-limit.js [requests]
 */
import { connectRedis } from '../server/src/common/redis-connection';
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

async function main(): Promise<void> {
  const config = { ...loadConfig(), redisPrefix: `bench_${randomBytes(4).toString('hex')}` };
  const redis = connectRedis(config);
  const limiter = new RateLimiter(redis, config);
  const budgets = (i: number) => [
    { scope: BudgetScope.Key, subject: 'key:bench', requestsPerMinute: 1e9, tokensPerMinute: 1e12 },
    {
      scope: BudgetScope.Application,
      subject: 'app:bench:production',
      requestsPerMinute: 1e9,
      tokensPerMinute: 1e12,
    },
    {
      scope: BudgetScope.EndUser,
      subject: `user:bench:${i % 100}`,
      requestsPerMinute: 1e9,
      tokensPerMinute: 1e12,
    },
  ];
  await time(() => redis.ping());
  const ping = await time(() => redis.ping());
  await time((i) => limiter.charge(budgets(i), 200));
  const charge = await time((i) => limiter.charge(budgets(i), 200));
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
}

void main();
