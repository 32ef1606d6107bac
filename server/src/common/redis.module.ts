import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { LOGGER } from './logger.module';
import { connectRedis, duplicateConnection, RedisClient } from './redis-connection';

export const REDIS = Symbol('REDIS');

type Listener = (message: string) => void;

/**
 * Cross-instance notifications (key revocations, cache invalidations). One subscriber connection per process;
 * channel names are namespaced with the configured Redis prefix so test runs and deployments never cross-talk.
 */
@Injectable()
export class RedisEvents implements OnModuleDestroy {
  private subscriber?: RedisClient;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  channel(name: string): string {
    return `${this.config.redisPrefix}:events:${name}`;
  }

  async publish(name: string, message: string): Promise<void> {
    await this.redis.publish(this.channel(name), message);
  }

  async subscribe(name: string, listener: Listener): Promise<void> {
    const channel = this.channel(name);
    if (!this.subscriber) {
      this.subscriber = duplicateConnection(this.redis);
      this.subscriber.on('message', (from: string, message: string) => {
        for (const handler of this.listeners.get(from) ?? []) {
          handler(message);
        }
      });
      this.subscriber.on('error', (err) => this.logger.warn({ err }, 'redis subscriber error'));
    }
    const existing = this.listeners.get(channel);
    if (existing) {
      existing.add(listener);
      return;
    }
    this.listeners.set(channel, new Set([listener]));
    await this.subscriber.subscribe(channel);
  }

  async onModuleDestroy(): Promise<void> {
    this.subscriber?.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [WARDEN_CONFIG],
      useFactory: (config: WardenConfig) => connectRedis(config, { maxRetriesPerRequest: 3 }),
    },
    RedisEvents,
  ],
  exports: [REDIS, RedisEvents],
})
export class RedisModule implements OnModuleDestroy {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
