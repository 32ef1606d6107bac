import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { LoggerModule } from './common/logger.module';
import { QueueModule } from './common/queue.module';
import { RedisModule } from './common/redis.module';
import { CompletionsModule } from './completions/completions.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { PoliciesModule } from './moderation/policies/policies.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RequestLogsWorkerModule } from './request-logs/request-logs-worker.module';
import { SetupModule } from './setup/setup.module';

function infrastructure(logger: Logger) {
  return [ConfigModule, LoggerModule.forRoot(logger), DatabaseModule, RedisModule];
}

/** The HTTP process: public API, developer portal, staff API, console, docs, metrics. */
@Module({})
export class ApiModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [...infrastructure(logger), QueueModule, MonitoringModule, CompletionsModule],
    };
  }
}

/** The background process: BullMQ consumers. */
@Module({})
export class WorkerModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...infrastructure(logger), QueueModule, RequestLogsWorkerModule],
    };
  }
}

/** First-run bootstrap and the operator CLI: domain services without HTTP or queues. */
@Module({})
export class AdministrationModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: AdministrationModule,
      imports: [...infrastructure(logger), OrganizationsModule, ApplicationsModule, ApiKeysModule, PoliciesModule, SetupModule],
    };
  }
}
