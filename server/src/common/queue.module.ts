import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [WARDEN_CONFIG],
      useFactory: (config: WardenConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
  ],
})
export class QueueModule {}
