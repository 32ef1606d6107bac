import { RedisEvents } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { PoliciesRepository } from './policies.repository';
import { PoliciesService } from './policies.service';
import { PolicyPatch } from './policy.schema';

/** The stored patches and the invalidation channel, in memory: what the service reads and listens to. */
function service(stored: Map<string, PolicyPatch>) {
  const listeners = new Map<string, (message: string) => void>();
  let reads = 0;
  const repository = {
    findForApplication: async (applicationId: string) => {
      reads++;
      const rules = stored.get(applicationId);
      return rules ? { applicationId, rules, version: 1 } : null;
    },
  } as unknown as PoliciesRepository;
  const events = {
    subscribe: async (name: string, listener: (message: string) => void) =>
      void listeners.set(name, listener),
    publish: async (name: string, message: string) => listeners.get(name)?.(message),
  } as unknown as RedisEvents;
  const policies = new PoliciesService(repository, events, { keyCacheTtlMs: 60_000 } as WardenConfig);
  return {
    policies,
    invalidate: (id: string) => listeners.get('policies:invalidated')!(id),
    reads: () => reads,
  };
}

describe('PoliciesService.resolve', () => {
  const live = { id: 'app-1', status: 'live' };

  it('resolves an application once per policy version and shares the frozen rules', async () => {
    const stored = new Map<string, PolicyPatch>([['app-1', { requireUser: true }]]);
    const { policies, reads } = service(stored);
    await policies.onModuleInit();
    const first = await policies.resolve(live);
    const second = await policies.resolve(live);
    expect(second).toBe(first);
    expect(reads()).toBe(1);
    expect(first.requireUser).toBe(true);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.categories.hate.input)).toBe(true);
    expect(Object.isFrozen(first.blocklist.words)).toBe(true);
    expect(() => {
      (first.limits as { maxTokens: number }).maxTokens = 1;
    }).toThrow(TypeError);
  });

  it('keeps the variants apart and re-reads the policy when it changes', async () => {
    const stored = new Map<string, PolicyPatch>([
      ['app-1', { retentionDays: 7, blocklist: { words: ['zanzibar'] } }],
    ]);
    const { policies, invalidate } = service(stored);
    await policies.onModuleInit();
    const production = await policies.resolve(live);
    const sandboxKey = await policies.resolve(live, { sandboxKey: true });
    const sandboxApplication = await policies.resolve(
      { id: 'app-1', status: 'sandbox' },
      { sandboxKey: true },
    );
    expect(production.retentionDays).toBe(7);
    // A sandbox key of a live application: sandbox defaults, and of the patch only its blocklist.
    expect(sandboxKey.retentionDays).toBe(30);
    expect(sandboxKey.blocklist.words).toEqual(['zanzibar']);
    expect(sandboxKey.rateLimits).not.toEqual(production.rateLimits);
    // A sandbox application's own keys: the whole patch over sandbox defaults.
    expect(sandboxApplication.retentionDays).toBe(7);
    expect(sandboxApplication.rateLimits).toEqual(sandboxKey.rateLimits);

    stored.set('app-1', { retentionDays: 90 });
    expect((await policies.resolve(live)).retentionDays).toBe(7);
    invalidate('app-1');
    const changed = await policies.resolve(live);
    expect(changed).not.toBe(production);
    expect(changed.retentionDays).toBe(90);
  });
});

describe('PoliciesService cache under steady use', () => {
  const live = { id: 'app-1', status: 'live' };
  const TTL = 60_000;

  /** A repository whose reads wait until the test answers them, in order. */
  function gatedService() {
    const stored = new Map<string, PolicyPatch>([['app-1', { retentionDays: 7 }]]);
    const pending: Array<() => void> = [];
    let reads = 0;
    const repository = {
      findForApplication: (applicationId: string) => {
        reads++;
        const rules = stored.get(applicationId);
        return new Promise((resolve) =>
          pending.push(() => resolve(rules ? { applicationId, rules, version: 1 } : null)),
        );
      },
    } as unknown as PoliciesRepository;
    const listeners = new Map<string, (message: string) => void>();
    const events = {
      subscribe: async (name: string, listener: (message: string) => void) =>
        void listeners.set(name, listener),
    } as unknown as RedisEvents;
    const policies = new PoliciesService(repository, events, { keyCacheTtlMs: TTL } as WardenConfig);
    return {
      policies,
      stored,
      reads: () => reads,
      answerAll: async () => {
        for (const answer of pending.splice(0)) answer();
        await new Promise((resolve) => setImmediate(resolve));
      },
      answerNewestFirst: async () => {
        for (const answer of pending.splice(0).reverse()) {
          answer();
          await new Promise((resolve) => setImmediate(resolve));
        }
      },
      invalidate: (id: string) => listeners.get('policies:invalidated')!(id),
    };
  }

  let now = 1_000_000;
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('re-reads a patch near the end of its life in the background, so a request never waits for it to expire', async () => {
    const { policies, reads, answerAll } = gatedService();
    await policies.onModuleInit();
    const first = policies.resolve(live);
    await answerAll();
    const rules = await first;
    expect(reads()).toBe(1);

    now += TTL * 0.9; // in the last share of its life: served from the cache, re-read alongside
    await expect(policies.resolve(live)).resolves.toBe(rules);
    expect(reads()).toBe(2);
    await expect(policies.resolve(live)).resolves.toBe(rules); // one re-read at a time
    expect(reads()).toBe(2);
    await answerAll();

    now += TTL * 0.5; // past the first read's expiry, within the re-read's: no request waits
    await expect(policies.resolve(live)).resolves.toBe(rules); // unchanged patch: the same resolved rules
    expect(reads()).toBe(2);
  });

  it('shares one read among the requests that miss together', async () => {
    const { policies, reads, answerAll } = gatedService();
    await policies.onModuleInit();
    const waiting = [policies.resolve(live), policies.resolve(live), policies.resolve(live)];
    await answerAll();
    const [a, b, c] = await Promise.all(waiting);
    expect(reads()).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('does not share or cache a read that an invalidation overtook', async () => {
    const { policies, stored, reads, answerNewestFirst, invalidate } = gatedService();
    await policies.onModuleInit();
    const before = policies.resolve(live);
    stored.set('app-1', { retentionDays: 90 });
    invalidate('app-1');
    const after = policies.resolve(live);
    expect(reads()).toBe(2);
    await answerNewestFirst(); // the read from before the change answers last
    expect((await before).retentionDays).toBe(7);
    expect((await after).retentionDays).toBe(90);
    expect((await policies.resolve(live)).retentionDays).toBe(90);
  });
});
