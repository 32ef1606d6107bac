import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REDIS } from '../common/redis.module';
import { RedisClient } from '../common/redis-connection';

export interface HealthReport {
  /** `draining`: the api is shutting down; a load balancer should send new calls elsewhere. */
  status: 'ok' | 'error' | 'draining';
  checks: { database: CheckResult; redis: CheckResult };
}

interface CheckResult {
  status: 'ok' | 'error';
  latencyMs: number;
  error?: string;
}

@Injectable()
export class HealthService {
  private isDraining = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** From now on the api answers as draining: it is finishing the calls in flight before it stops. */
  markDraining(): void {
    this.isDraining = true;
  }

  get draining(): boolean {
    return this.isDraining;
  }

  async report(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.redis.ping()),
    ]);
    const reachable = database.status === 'ok' && redis.status === 'ok';
    return {
      status: this.draining ? 'draining' : reachable ? 'ok' : 'error',
      checks: { database, redis },
    };
  }
}

async function timed(check: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('timed out after 2000 ms')), 2000).unref(),
      ),
    ]);
    return { status: 'ok', latencyMs: round(performance.now() - started) };
  } catch (err) {
    return {
      status: 'error',
      latencyMs: round(performance.now() - started),
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
