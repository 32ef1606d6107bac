import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { RedisEvents } from '../common/redis.module';
import { KeyWithApplication } from './api-keys.repository';

const INVALIDATION_EVENT = 'api-keys:invalidated';

/**
 * Hot keys stay in memory. Any change to a key or to its application is published on Redis and every instance
 * drops its entry at once; the TTL bounds staleness if a message is ever missed, which is why a hit does not
 * extend it.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit {
  private readonly entries = new Map<string, { value: KeyWithApplication; expiresAt: number }>();
  private invalidations = 0;

  constructor(
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly events: RedisEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (prefix) => this.drop(prefix));
  }

  get(prefix: string): KeyWithApplication | undefined {
    const entry = this.entries.get(prefix);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(prefix);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Take before reading a key from the database and hand to `set`: a read that overlapped an invalidation may
   * hold the state from before the change, so it is not cached.
   */
  epoch(): number {
    return this.invalidations;
  }

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
