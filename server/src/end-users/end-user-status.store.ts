import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { EndUserStatus } from './strikes';
import { RedisClient } from '../common/redis-connection';

/** The api consults this on every request, so it lives in Redis: one HGET, shared by every instance. */
@Injectable()
export class EndUserStatusStore {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  private key(applicationId: string): string {
    return `${this.config.redisPrefix}:end-users:${applicationId}`;
  }

  async get(applicationId: string, endUser: string): Promise<EndUserStatus> {
    return (
      ((await this.redis.hget(this.key(applicationId), endUser)) as EndUserStatus | null) ??
      EndUserStatus.Active
    );
  }

  async set(applicationId: string, endUser: string, status: EndUserStatus): Promise<void> {
    if (status === EndUserStatus.Active) await this.redis.hdel(this.key(applicationId), endUser);
    else await this.redis.hset(this.key(applicationId), endUser, status);
  }
}
