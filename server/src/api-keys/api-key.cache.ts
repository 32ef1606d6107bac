import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { RedisEvents } from '../common/redis.module';
import { KeyWithApplication } from './api-keys.repository';

const INVALIDATION_EVENT = 'api-keys:invalidated';
/**
 * A cached key used in this last share of its lifetime is re-read in the background, so that a key in steady use
 * never finds its entry expired and its requests never wait for the database (nor pile up on it, one read each).
 */
export const REFRESH_AHEAD_SHARE = 0.2;

/** How the cache reads a key from the database (null: no such key). */
export type KeyReader = (prefix: string) => Promise<KeyWithApplication | null>;

interface Entry {
  value: KeyWithApplication;
  expiresAt: number;
  refreshing?: boolean;
}

/**
 * Hot keys stay in memory. Any change to a key or to its application is published on Redis and every instance
 * drops its entry at once; the TTL bounds staleness if a message is ever missed, which is why a hit does not
 * extend it.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  /** The read under way for a prefix, shared by every request that misses while it lasts. */
  private readonly reads = new Map<string, { epoch: number; found: Promise<KeyWithApplication | null> }>();
  private invalidations = 0;

  constructor(
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly events: RedisEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (prefix) => this.drop(prefix));
  }

  /** The cached key; one used in the last share of its life is re-read with `reader` meanwhile, and replaced. */
  get(prefix: string, reader: KeyReader): KeyWithApplication | undefined {
    const entry = this.entries.get(prefix);
    if (!entry) {
      return undefined;
    }
    const now = Date.now();
    if (entry.expiresAt <= now) {
      this.entries.delete(prefix);
      return undefined;
    }
    if (!entry.refreshing && entry.expiresAt - now <= this.config.keyCacheTtlMs * REFRESH_AHEAD_SHARE) {
      entry.refreshing = true;
      const { found, epoch } = this.read(prefix, reader);
      // The entry serves until it expires; a failed re-read leaves the next request after that to read again.
      found.then((value) => value && this.set(prefix, value, epoch)).catch(() => undefined);
    }
    return entry.value;
  }

  /**
   * A key read from the database, one read per prefix at a time: requests that miss together share it, unless an
   * invalidation came after it started. Hand its `epoch` to `set`.
   */
  read(prefix: string, reader: KeyReader): { found: Promise<KeyWithApplication | null>; epoch: number } {
    const under = this.reads.get(prefix);
    if (under && under.epoch === this.invalidations) return under;
    const reading = { epoch: this.invalidations, found: reader(prefix) };
    this.reads.set(prefix, reading);
    const done = () => {
      if (this.reads.get(prefix) === reading) this.reads.delete(prefix);
    };
    reading.found.then(done, done);
    return reading;
  }

  /** Caches a key `read` returned, unless an invalidation overtook the read (it may hold the state from before). */
  set(prefix: string, value: KeyWithApplication, epoch: number): void {
    if (this.config.keyCacheTtlMs > 0 && epoch === this.invalidations) {
      this.entries.set(prefix, { value, expiresAt: Date.now() + this.config.keyCacheTtlMs });
    }
  }

  /** Call after the change is committed, or another instance could re-read and cache the old state. */
  async invalidateEverywhere(prefix: string): Promise<void> {
    this.drop(prefix);
    await this.events.publish(INVALIDATION_EVENT, prefix);
  }

  private drop(prefix: string): void {
    this.invalidations++;
    this.entries.delete(prefix);
  }
}
