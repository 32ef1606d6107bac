import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { WardenConfig } from '../config/config';
import { BudgetScope, RateBudget, RateLimiter } from './rate-limiter';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WINDOW_MS = 60_000;

describe('RateLimiter against Redis', () => {
  const prefix = `rate-spec-${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let limiter: RateLimiter;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    limiter = new RateLimiter(redis, { redisPrefix: prefix } as WardenConfig);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  function budget(requestsPerMinute: number, tokensPerMinute: number): RateBudget {
    return {
      scope: BudgetScope.Key,
      subject: `key:${randomBytes(4).toString('hex')}`,
      requestsPerMinute,
      tokensPerMinute,
    };
  }

  it('charges every budget or none, and refuses the request past a limit', async () => {
    const key = budget(2, 1_000);
    const application = budget(100, 1_000);
    const now = Date.now();
    expect((await limiter.charge([key, application], 10, now)).allowed).toBe(true);
    expect((await limiter.charge([key, application], 10, now)).allowed).toBe(true);
    const refused = await limiter.charge([key, application], 10, now);
    expect(refused.allowed).toBe(false);
    expect(refused.exceeded).toEqual({ budget: key, dimension: 'requests' });
    // The refused request cost the application nothing.
    expect(refused.states[1]).toMatchObject({ remainingRequests: 98, remainingTokens: 980 });
  });

  it('gives every counter it creates an expiry of two windows, also a token counter charged zero', async () => {
    const now = Date.now();
    const windowStart = now - (now % WINDOW_MS);
    for (const tokens of [0, 5]) {
      const subject = budget(100, 1_000);
      for (let i = 0; i < 3; i++) await limiter.charge([subject], tokens, now);
      for (const suffix of ['r', 't']) {
        const ttl = await redis.pttl(`${prefix}:rate:${subject.subject}:${windowStart}:${suffix}`);
        expect(ttl).toBeGreaterThan(WINDOW_MS);
        expect(ttl).toBeLessThanOrEqual(2 * WINDOW_MS);
      }
    }
  });

  it("sets a counter's expiry when the window's first charge creates it, not on every charge", async () => {
    const subject = budget(100, 1_000);
    const now = Date.now();
    const windowStart = now - (now % WINDOW_MS);
    await limiter.charge([subject], 1, now);
    const key = `${prefix}:rate:${subject.subject}:${windowStart}:r`;
    await redis.pexpire(key, 5 * WINDOW_MS); // an expiry a later charge would reset if it set one
    await limiter.charge([subject], 1, now);
    expect(await redis.pttl(key)).toBeGreaterThan(2 * WINDOW_MS);
  });
});
