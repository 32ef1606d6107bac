import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { REDIS } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { MetricsService } from '../monitoring/metrics.service';
import { requestLogStreamKey } from './request-log.stream';
import { RedisClient } from '../common/redis-connection';

/**
 * Hand-offs the worker has not written yet, read from Redis when Prometheus scrapes: it grows while no worker runs
 * or the database is away, and falls back to about 0 when they are back (request logs no longer travel as jobs, so
 * `warden_queue_jobs` does not show them).
 */
@Injectable()
export class RequestLogBacklogCollector {
  constructor(
    metrics: MetricsService,
    @Inject(REDIS) redis: RedisClient,
    @Inject(WARDEN_CONFIG) config: WardenConfig,
  ) {
    const key = requestLogStreamKey(config.redisPrefix);
    new Gauge({
      name: 'warden_request_log_backlog',
      help: 'Request-log hand-offs (stream entries, each one or more records) in Redis not yet written to Postgres',
      registers: [metrics.registry],
      async collect() {
        this.set(await redis.xlen(key));
      },
    });
  }
}
