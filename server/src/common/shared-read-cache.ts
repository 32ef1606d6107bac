/**
 * A cached entry used in this last share of its lifetime is re-read in the background, so that an entry in steady use
 * never expires under its requests and they never wait for the database (nor pile up on it, one read each).
 */
export const REFRESH_AHEAD_SHARE = 0.2;

/** How the cache reads a value it does not hold (null: there is none). */
export type CacheReader<V> = (key: string) => Promise<V | null>;

interface Entry<V> {
  value: V;
  expiresAt: number;
  refreshing?: boolean;
}

/**
 * An in-memory read-through cache for rows other instances may change: entries live `ttlMs`, requests that miss
 * together share one read, an entry near the end of its life is re-read while it still serves, and a read that an
 * invalidation (`drop`) overtook is neither shared nor cached, since it may hold the state from before the change.
 * Callers take `read` and `set` apart so that they can decide what is worth caching (an API key whose secret matched).
 */
export class SharedReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** The read under way for a key, shared by every request that misses while it lasts. */
  private readonly reads = new Map<string, { epoch: number; found: Promise<V | null> }>();
  private invalidations = 0;

  constructor(private readonly ttlMs: number) {}

  /** The cached value; one used in the last share of its life is re-read with `reader` meanwhile, and replaced. */
  get(key: string, reader: CacheReader<V>): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    const now = Date.now();
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    if (!entry.refreshing && entry.expiresAt - now <= this.ttlMs * REFRESH_AHEAD_SHARE) {
      entry.refreshing = true;
      const { found, epoch } = this.read(key, reader);
      // The entry serves until it expires; a failed re-read leaves the next request after that to read again.
      found.then((value) => value !== null && this.set(key, value, epoch)).catch(() => undefined);
    }
    return entry.value;
  }

  /** The cached value as it stands, without refreshing it: what a reader may compare its fresh read with. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /**
   * A read of `key`, one at a time per key: requests that miss together share it, unless an invalidation came after
   * it started. Hand its `epoch` to `set`.
   */
  read(key: string, reader: CacheReader<V>): { found: Promise<V | null>; epoch: number } {
    const under = this.reads.get(key);
    if (under && under.epoch === this.invalidations) return under;
    const reading = { epoch: this.invalidations, found: reader(key) };
    this.reads.set(key, reading);
    const done = () => {
      if (this.reads.get(key) === reading) this.reads.delete(key);
    };
    reading.found.then(done, done);
    return reading;
  }

  /** Caches a value `read` returned, unless an invalidation overtook the read. */
  set(key: string, value: V, epoch: number): void {
    if (this.ttlMs > 0 && epoch === this.invalidations) {
      this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    }
  }

  /** Forgets `key` and makes every read under way stale. */
  drop(key: string): void {
    this.invalidations++;
    this.entries.delete(key);
  }
}
