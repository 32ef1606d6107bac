import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BiasWorkerModule } from './bias/bias-worker.module';
import { BiasModule } from './bias/bias.module';
import { CalibrationModule } from './calibration/calibration.module';
import { CalibrationWorkerModule } from './calibration/calibration-worker.module';
import { LoggerModule } from './common/logger.module';
import { QueueModule } from './common/queue.module';
import { RedisModule } from './common/redis.module';
import { V1Module } from './v1/v1.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ErrorCatalogModule } from './error-catalog';
import { MonitoringWorkerModule } from './monitoring/monitoring-worker.module';
import { FineTuningWorkerModule } from './fine-tuning/fine-tuning-worker.module';
import { FineTuningModule } from './fine-tuning/fine-tuning.module';
import { HeldCompletionsAdminModule } from './moderation/held-completions-admin.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { PoliciesModule } from './policies/policies.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PortalModule } from './portal/portal.module';
import { ResearchGrantsModule } from './research-grants/research-grants.module';
import { RequestLogSearchModule } from './request-logs/request-log-search.module';
import { RequestLogsWorkerModule } from './request-logs/request-logs-worker.module';
import { EndUsersModule } from './end-users/end-users.module';
import { FeedbackModule } from './feedback/feedback.module';
import { SetupModule } from './setup/setup.module';
import { StaffModule } from './staff/staff.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';

function infrastructure(logger: Logger) {
  return [ConfigModule, LoggerModule.forRoot(logger), DatabaseModule, RedisModule, ErrorCatalogModule];
}

/** The HTTP process: public API, developer portal, staff API, console, docs, metrics. */
@Module({})
export class ApiModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...infrastructure(logger),
        QueueModule,
        MonitoringModule,
        V1Module,
        PortalModule,
        AdminModule,
        StaffModule,
        OrganizationsModule,
        ApplicationsModule,
        ApiKeysModule,
        AuditModule,
        EndUsersModule,
        RequestLogSearchModule,
        BiasModule,
        HeldCompletionsAdminModule,
        FineTuningModule,
        FeedbackModule,
        ResearchGrantsModule,
        CalibrationModule,
        // The first-run bootstrap runs in the api before it listens (main.ts).
        SetupModule,
      ],
    };
  }
}

/** The background process: BullMQ consumers. */
@Module({})
export class WorkerModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...infrastructure(logger),
        QueueModule,
        RequestLogsWorkerModule,
        WebhooksWorkerModule,
        BiasWorkerModule,
        MonitoringWorkerModule,
        FineTuningWorkerModule,
        CalibrationWorkerModule,
      ],
    };
  }
}

/** First-run bootstrap and the operator CLI: domain services without HTTP or queues. */
@Module({})
export class AdministrationModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: AdministrationModule,
      imports: [
        ...infrastructure(logger),
        QueueModule,
        OrganizationsModule,
        ApplicationsModule,
        ApiKeysModule,
        PoliciesModule,
        AuditModule,
        EndUsersModule,
        WebhooksModule,
        SetupModule,
      ],
    };
  }
}

/** The operator CLI's bias commands: the bias domain and its queue, without HTTP or models. */
@Module({})
export class BiasCliModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: BiasCliModule,
      // ApiKeysModule provides the ApplicationKeys port that ApplicationsModule (attaching runs) needs.
      imports: [...infrastructure(logger), QueueModule, ApiKeysModule, BiasModule],
    };
  }
}
