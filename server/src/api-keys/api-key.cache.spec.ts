import { RedisEvents } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { ApiKeyCache, KeyReader } from './api-key.cache';
import { KeyWithApplication } from './api-keys.repository';

const TTL = 30_000;

/** The cache over a database whose reads wait until the test answers them. */
function gatedCache() {
  const listeners = new Map<string, (message: string) => void>();
  const events = {
    subscribe: async (name: string, listener: (message: string) => void) =>
      void listeners.set(name, listener),
    publish: async () => undefined,
  } as unknown as RedisEvents;
  const cache = new ApiKeyCache({ keyCacheTtlMs: TTL } as WardenConfig, events);
  const rows = new Map<string, KeyWithApplication>([['abcdefgh', row('v1')]]);
  const pending: Array<() => void> = [];
  let reads = 0;
  const reader: KeyReader = (prefix) => {
    reads++;
    const found = rows.get(prefix) ?? null;
    return new Promise((resolve) => pending.push(() => resolve(found)));
  };
  return {
    cache,
    reader,
    rows,
    reads: () => reads,
    answer: async (order: 'oldest first' | 'newest first' = 'oldest first') => {
      const answers = pending.splice(0);
      for (const answer of order === 'oldest first' ? answers : answers.reverse()) {
        answer();
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    invalidate: (prefix: string) => listeners.get('api-keys:invalidated')!(prefix),
  };
}

function row(name: string): KeyWithApplication {
  return { key: { name }, application: {} } as unknown as KeyWithApplication;
}

/** What ApiKeysService.authenticate does: the cached key, else a (shared) read, cached once it is known. */
async function lookup(cache: ApiKeyCache, reader: KeyReader, prefix = 'abcdefgh') {
  const cached = cache.get(prefix, reader);
  if (cached) return cached;
  const read = cache.read(prefix, reader);
  const found = await read.found;
  if (found) cache.set(prefix, found, read.epoch);
  return found;
}

describe('ApiKeyCache', () => {
  let now = 1_000_000;
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('re-reads a key near the end of its life in the background, so a request never waits for it to expire', async () => {
    const { cache, reader, rows, reads, answer } = gatedCache();
    await cache.onModuleInit();
    const first = lookup(cache, reader);
    await answer();
    expect((await first)?.key.name).toBe('v1');

    rows.set('abcdefgh', row('v2'));
    now += TTL * 0.9; // in the last share of its life: served from the cache, re-read alongside
    expect(cache.get('abcdefgh', reader)?.key.name).toBe('v1');
    expect(cache.get('abcdefgh', reader)?.key.name).toBe('v1'); // one re-read at a time
    expect(reads()).toBe(2);
    await answer();

    now += TTL * 0.5; // past the first read's expiry, within the re-read's
    expect(cache.get('abcdefgh', reader)?.key.name).toBe('v2');
    expect(reads()).toBe(2);
  });

  it('shares one read among the requests that miss together', async () => {
    const { cache, reader, reads, answer } = gatedCache();
    await cache.onModuleInit();
    const waiting = [lookup(cache, reader), lookup(cache, reader), lookup(cache, reader)];
    await answer();
    await Promise.all(waiting);
    expect(reads()).toBe(1);
  });

  it('neither shares nor caches a read that an invalidation overtook', async () => {
    const { cache, reader, rows, reads, answer, invalidate } = gatedCache();
    await cache.onModuleInit();
    const before = lookup(cache, reader);
    rows.set('abcdefgh', row('v2'));
    invalidate('abcdefgh');
    const after = lookup(cache, reader);
    expect(reads()).toBe(2);
    await answer('newest first'); // the read from before the change answers last
    expect((await before)?.key.name).toBe('v1');
    expect((await after)?.key.name).toBe('v2');
    expect(cache.get('abcdefgh', reader)?.key.name).toBe('v2');
  });
});
