import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';

export interface RateBudget {
  /** Counter identity, e.g. `key:<id>` or `user:<application>:<end user>`. */
  subject: string;
  requestsPerMinute: number;
  tokensPerMinute: number;
}

export interface RateDecision {
  allowed: boolean;
  /** The budget that refused the request, when one did. */
  exceeded?: { subject: string; dimension: 'requests' | 'tokens' };
  /** The tightest remaining figures across budgets, for the x-ratelimit-* headers. */
  limitRequests: number;
  limitTokens: number;
  remainingRequests: number;
  remainingTokens: number;
  resetMs: number;
}

const WINDOW_MS = 60_000;

/**
 * Checks and charges every budget in one atomic step: either all counters move or none does, so a request refused
 * by its end user's budget costs its key nothing. Fixed one-minute windows keyed by the window's start.
 */
const CHARGE = `
local window = tonumber(ARGV[1])
local tokens = tonumber(ARGV[2])
local n = #KEYS / 2
for i = 1, n do
  local requests = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
  local used = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
  if requests + 1 > tonumber(ARGV[2 + 2 * i - 1]) then return {0, i, 1} end
  if used + tokens > tonumber(ARGV[2 + 2 * i]) then return {0, i, 2} end
end
local out = {1, 0, 0}
for i = 1, n do
  local requests = redis.call('INCR', KEYS[2 * i - 1])
  local used = redis.call('INCRBY', KEYS[2 * i], tokens)
  redis.call('PEXPIRE', KEYS[2 * i - 1], window * 2)
  redis.call('PEXPIRE', KEYS[2 * i], window * 2)
  table.insert(out, requests)
  table.insert(out, used)
end
return out`;

@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async charge(budgets: RateBudget[], tokens: number, now = Date.now()): Promise<RateDecision> {
    const windowStart = now - (now % WINDOW_MS);
    const resetMs = windowStart + WINDOW_MS - now;
    const keys = budgets.flatMap((budget) => [
      `${this.config.redisPrefix}:rate:${budget.subject}:${windowStart}:r`,
      `${this.config.redisPrefix}:rate:${budget.subject}:${windowStart}:t`,
    ]);
    const limits = budgets.flatMap((budget) => [budget.requestsPerMinute, budget.tokensPerMinute]);
    const result = (await this.redis.eval(
      CHARGE,
      keys.length,
      ...keys,
      WINDOW_MS,
      tokens,
      ...limits,
    )) as number[];
    const tightest = budgets.reduce(
      (best, budget) => (budget.requestsPerMinute < best.requestsPerMinute ? budget : best),
      budgets[0],
    );
    if (result[0] === 0) {
      const budget = budgets[result[1] - 1];
      return {
        allowed: false,
        exceeded: { subject: budget.subject, dimension: result[2] === 1 ? 'requests' : 'tokens' },
        limitRequests: budget.requestsPerMinute,
        limitTokens: budget.tokensPerMinute,
        remainingRequests: result[2] === 1 ? 0 : budget.requestsPerMinute,
        remainingTokens: result[2] === 2 ? 0 : budget.tokensPerMinute,
        resetMs,
      };
    }
    let remainingRequests = Infinity;
    let remainingTokens = Infinity;
    budgets.forEach((budget, i) => {
      remainingRequests = Math.min(remainingRequests, budget.requestsPerMinute - result[3 + 2 * i]);
      remainingTokens = Math.min(remainingTokens, budget.tokensPerMinute - result[4 + 2 * i]);
    });
    return {
      allowed: true,
      limitRequests: tightest.requestsPerMinute,
      limitTokens: tightest.tokensPerMinute,
      remainingRequests: Math.max(0, remainingRequests),
      remainingTokens: Math.max(0, remainingTokens),
      resetMs,
    };
  }
}

/** OpenAI's header names and duration format ("1s", "6m0s"). */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const reset = formatDuration(decision.resetMs);
  return {
    'x-ratelimit-limit-requests': String(decision.limitRequests),
    'x-ratelimit-limit-tokens': String(decision.limitTokens),
    'x-ratelimit-remaining-requests': String(decision.remainingRequests),
    'x-ratelimit-remaining-tokens': String(decision.remainingTokens),
    'x-ratelimit-reset-requests': reset,
    'x-ratelimit-reset-tokens': reset,
  };
}

export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${seconds % 60}s` : `${seconds}s`;
}
