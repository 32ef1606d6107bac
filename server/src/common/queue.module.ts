import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { LongJobs } from './long-job.host';
import { queueConnection } from './redis-connection';

// Global: every worker module's long-job processors share the one LongJobs the worker hands back on shutdown.
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [WARDEN_CONFIG],
      useFactory: (config: WardenConfig) => ({
        connection: queueConnection(config),
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
  ],
  providers: [LongJobs],
  exports: [LongJobs],
})
export class QueueModule {}
