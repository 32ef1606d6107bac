import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { ResearchQuotas } from '../contracts';
import { ResearchQuotaError } from './research-grants.errors';
import { RedisClient } from '../common/redis-connection';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Checks every quota and charges all of them in one step, or none: a request refused by the daily token quota
 * costs nothing against the totals. A limit of -1 is no limit. Day counters expire two days after their day.
 */
const CHARGE = `
local tokens = tonumber(ARGV[1])
local dayTtl = tonumber(ARGV[2])
for i = 1, 4 do
  local limit = tonumber(ARGV[2 + i])
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  local cost = 1
  if i % 2 == 0 then cost = tokens end
  if limit >= 0 and used + cost > limit then return {0, i, used} end
end
for i = 1, 4 do
  local cost = 1
  if i % 2 == 0 then cost = tokens end
  redis.call('INCRBY', KEYS[i], cost)
end
redis.call('PEXPIRE', KEYS[1], dayTtl)
redis.call('PEXPIRE', KEYS[2], dayTtl)
return {1, 0, 0}`;

const DIMENSIONS = [
  { quota: 'requestsPerDay', what: 'requests per day' },
  { quota: 'tokensPerDay', what: 'tokens per day' },
  { quota: 'requestsTotal', what: 'requests in total' },
  { quota: 'tokensTotal', what: 'tokens in total' },
] as const;

export interface QuotaUsage {
  requestsToday: number;
  tokensToday: number;
  requestsTotal: number;
  tokensTotal: number;
}

/**
 * A research grant's quotas, counted in Redis like rate limits (so every api instance shares them). A request is
 * charged every token it may cost before any costly work, as the rate limiter charges it. Totals live in Redis
 * without expiry: an operator who flushes Redis resets them (documented in README).
 */
@Injectable()
export class ResearchQuotaCounter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async charge(grantId: string, quotas: ResearchQuotas, tokens: number, now = Date.now()): Promise<void> {
    // Counted even without limits: staff see the grant's usage before they set or raise a quota.
    const limits = DIMENSIONS.map(({ quota }) => quotas[quota] ?? -1);
    const result = (await this.redis.eval(
      CHARGE,
      4,
      ...this.keys(grantId, now),
      tokens,
      2 * DAY_MS,
      ...limits,
    )) as number[];
    if (result[0] === 1) {
      return;
    }
    const dimension = DIMENSIONS[result[1] - 1];
    const daily = result[1] <= 2;
    const retryAfter = daily ? Math.ceil((DAY_MS - (now % DAY_MS)) / 1000) : null;
    throw new ResearchQuotaError(
      `Research quota reached: ${limits[result[1] - 1]} ${dimension.what} for this grant (used ${result[2]}` +
        `${daily ? ', counted per UTC day' : ''}). ` +
        (daily ? `It resets at 00:00 UTC.` : 'Ask the Warden staff for a larger quota or a renewal.'),
      retryAfter,
    );
  }

  async usage(grantId: string, now = Date.now()): Promise<QuotaUsage> {
    const values = await this.redis.mget(...this.keys(grantId, now));
    const [requestsToday, tokensToday, requestsTotal, tokensTotal] = values.map((value) =>
      Number(value ?? 0),
    );
    return { requestsToday, tokensToday, requestsTotal, tokensTotal };
  }

  private keys(grantId: string, now: number): string[] {
    // One hash tag per grant: the script touches all four keys, so they share a Redis Cluster slot.
    const base = `${this.config.redisPrefix}:research:{${grantId}}`;
    const day = new Date(now).toISOString().slice(0, 10);
    return [`${base}:day:${day}:r`, `${base}:day:${day}:t`, `${base}:total:r`, `${base}:total:t`];
  }
}
