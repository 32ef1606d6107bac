import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [WARDEN_CONFIG],
      useFactory: (config: WardenConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        migrationsRun: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
