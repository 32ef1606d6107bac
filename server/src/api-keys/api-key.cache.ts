import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { RedisEvents } from '../common/redis.module';
import { KeyWithApplication } from './api-keys.repository';

const INVALIDATION_EVENT = 'api-keys:invalidated';

/**
 * Hot keys stay in memory. A change to a key (revocation, and later suspension or termination) is published on
 * Redis and every instance drops its entry at once; the TTL bounds staleness if a message is ever missed.
 */
@Injectable()
export class ApiKeyCache implements OnModuleInit {
  private readonly entries = new Map<string, { value: KeyWithApplication; expiresAt: number }>();

  constructor(
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly events: RedisEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe(INVALIDATION_EVENT, (prefix) => this.entries.delete(prefix));
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

  set(prefix: string, value: KeyWithApplication): void {
    if (this.config.keyCacheTtlMs > 0) {
      this.entries.set(prefix, { value, expiresAt: Date.now() + this.config.keyCacheTtlMs });
    }
  }

  async invalidateEverywhere(prefix: string): Promise<void> {
    this.entries.delete(prefix);
    await this.events.publish(INVALIDATION_EVENT, prefix);
  }
}
