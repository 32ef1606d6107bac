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
      applicationId: 'spec-application',
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
    // The refused request cost the application nothing, and left the key's counters as they stood.
    expect(refused.states[1]).toMatchObject({ remainingRequests: 98, remainingTokens: 980 });
    const windowStart = now - (now % WINDOW_MS);
    const counters = [key, application].flatMap(({ subject }) =>
      ['r', 't'].map((suffix) => `${prefix}:rate:${subject}:${windowStart}:${suffix}`),
    );
    expect(await redis.mget(...counters)).toEqual(['2', '20', '2', '20']);
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

  it('sends the charges that arrive together in one script call, in order, each all-or-nothing', async () => {
    const key = budget(2, 1_000);
    const calls = jest.spyOn(redis as unknown as { wardenRateCharge: () => unknown }, 'wardenRateCharge');
    try {
      const now = Date.now();
      const decisions = await Promise.all(
        [1, 2, 3].map(() => limiter.charge([key, budget(100, 1_000)], 10, now)),
      );
      expect(calls).toHaveBeenCalledTimes(1);
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false]);
      expect(decisions[1].states[0]).toMatchObject({ remainingRequests: 0, remainingTokens: 980 });
      // The third request's own application budget was not charged when its key refused it.
      expect(decisions[2].states[1]).toMatchObject({ remainingRequests: 100, remainingTokens: 1_000 });
    } finally {
      calls.mockRestore();
    }
  });

  it('splits a crowd of charges over calls of at most 64 and counts every one', async () => {
    const application = budget(1_000, 100_000);
    const calls = jest.spyOn(redis as unknown as { wardenRateCharge: () => unknown }, 'wardenRateCharge');
    try {
      const now = Date.now();
      const decisions = await Promise.all(
        Array.from({ length: 100 }, () => limiter.charge([budget(10, 1_000), application], 1, now)),
      );
      expect(calls).toHaveBeenCalledTimes(2);
      expect(decisions.every((decision) => decision.allowed)).toBe(true);
      expect(Math.min(...decisions.map((decision) => decision.states[1].remainingRequests))).toBe(900);
    } finally {
      calls.mockRestore();
    }
  });

  it('fails every charge of a call Redis could not take', async () => {
    const closed = new Redis(REDIS_URL);
    const unreachable = new RateLimiter(closed, { redisPrefix: prefix } as WardenConfig);
    await closed.ping();
    closed.disconnect();
    const results = await Promise.allSettled(
      [budget(5, 50), budget(5, 50)].map((b) => unreachable.charge([b], 1)),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('on a Redis Cluster, names counters with their application as hash tag and charges each application apart', async () => {
    const cluster = new RateLimiter(redis, {
      redisPrefix: prefix,
      redisCluster: { nodes: [{ host: '127.0.0.1', port: 7000 }] },
    } as WardenConfig);
    const calls = jest.spyOn(redis as unknown as { wardenRateCharge: () => unknown }, 'wardenRateCharge');
    try {
      const now = Date.now();
      const windowStart = now - (now % WINDOW_MS);
      const ofApplication = (applicationId: string): RateBudget => ({ ...budget(5, 50), applicationId });
      const [first, second, other] = [ofApplication('a1'), ofApplication('a1'), ofApplication('a2')];
      await Promise.all([first, second, other].map((b) => cluster.charge([b], 1, now)));
      // A script call's keys must share one slot: one call per application.
      expect(calls).toHaveBeenCalledTimes(2);
      expect(await redis.get(`${prefix}:rate:{a1}:${first.subject}:${windowStart}:r`)).toBe('1');
      expect(await redis.get(`${prefix}:rate:{a2}:${other.subject}:${windowStart}:t`)).toBe('1');
    } finally {
      calls.mockRestore();
    }
  });
});
