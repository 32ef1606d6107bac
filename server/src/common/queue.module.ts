import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { ConnectionOptions } from 'bullmq';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { LongJobs } from './long-job.host';
import { hashTagged, queueConnection } from './redis-connection';

/**
 * BullMQ's connection. To a Redis Cluster BullMQ can only be handed a client, which it shares and never closes; it
 * must outlive the queues and workers built on it, which close in the same shutdown phase as any hook of ours could,
 * so `closeWithQueues` closes it after the application.
 */
@Injectable()
export class QueueConnection {
  readonly options: ConnectionOptions;

  constructor(@Inject(WARDEN_CONFIG) config: WardenConfig) {
    this.options = queueConnection(config);
  }

  async close(): Promise<void> {
    if ('quit' in this.options && typeof this.options.quit === 'function') await this.options.quit();
  }
}

/** Closes an application, then the queue connection its queues and workers shared. */
export async function closeWithQueues(app: INestApplicationContext): Promise<void> {
  const connection = app.get(QueueConnection, { strict: false });
  await app.close();
  await connection.close();
}

@Module({ providers: [QueueConnection], exports: [QueueConnection] })
class QueueConnectionModule {}

// Global: every worker module's long-job processors share the one LongJobs the worker hands back on shutdown.
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [WARDEN_CONFIG, QueueConnection],
      useFactory: (config: WardenConfig, connection: QueueConnection) => ({
        connection: connection.options,
        // Every key of a queue must share a Cluster slot (BullMQ's scripts touch several at once).
        prefix: hashTagged(config, `${config.redisPrefix}:bull`),
      }),
    }),
  ],
  providers: [LongJobs],
  exports: [LongJobs],
})
export class QueueModule {}
