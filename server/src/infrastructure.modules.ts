import { Logger } from 'pino';
import { LoggerModule } from './common/logger.module';
import { RedisModule } from './common/redis.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ErrorCatalogModule } from './error-catalog';

/** What every Nest application Warden builds stands on: configuration, logging, Postgres, Redis, the error catalog. */
export function infrastructure(logger: Logger) {
  return [ConfigModule, LoggerModule.forRoot(logger), DatabaseModule, RedisModule, ErrorCatalogModule];
}
