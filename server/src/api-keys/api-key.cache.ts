import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { RedisEvents } from '../common/redis.module';
import { CacheReader, SharedReadCache } from '../common/shared-read-cache';
import { KeyWithApplication } from './api-keys.repository';

const INVALIDATION_EVENT = 'api-keys:invalidated';

/** How the cache reads a key from the database (null: no such key). */
export type KeyReader = CacheReader<KeyWithApplication>;

/**
 * Hot keys stay in memory. Any change to a key or to its application is published on Redis and every instance
 * drops its entry at once; the TTL bounds staleness if a message is ever missed, which is why a hit does not
 * extend it.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit {
  private readonly keys: SharedReadCache<KeyWithApplication>;

  constructor(
    @Inject(WARDEN_CONFIG) config: WardenConfig,
    private readonly events: RedisEvents,
  ) {
    this.keys = new SharedReadCache(config.keyCacheTtlMs);
  }

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (prefix) => this.keys.drop(prefix));
  }

  /** The cached key; one used in the last share of its life is re-read with `reader` meanwhile, and replaced. */
  get(prefix: string, reader: KeyReader): KeyWithApplication | undefined {
    return this.keys.get(prefix, reader);
  }

  /** A key read from the database, shared by the requests that miss together. Hand its `epoch` to `set`. */
  read(prefix: string, reader: KeyReader): { found: Promise<KeyWithApplication | null>; epoch: number } {
    return this.keys.read(prefix, reader);
  }

  /** Caches a key `read` returned (its secret matched), unless an invalidation overtook the read. */
  set(prefix: string, value: KeyWithApplication, epoch: number): void {
    this.keys.set(prefix, value, epoch);
  }

  /** Call after the change is committed, or another instance could re-read and cache the old state. */
  async invalidateEverywhere(prefix: string): Promise<void> {
    this.keys.drop(prefix);
    await this.events.publish(INVALIDATION_EVENT, prefix);
  }
}
