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
import { ModelLoading, ModelLoadingModule } from './common/model-loading';
import { QueueModule } from './common/queue.module';
import { V1Module } from './v1/v1.module';
import { MonitoringWorkerModule } from './monitoring/monitoring-worker.module';
import { FineTuningWorkerModule } from './fine-tuning/fine-tuning-worker.module';
import { FineTuningModule } from './fine-tuning/fine-tuning.module';
import { HeldCompletionsAdminModule } from './moderation/held-completions-admin.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PortalModule } from './portal/portal.module';
import { ResearchGrantsModule } from './research-grants/research-grants.module';
import { RequestLogSearchModule } from './request-logs/request-log-search.module';
import { RequestLogsWorkerModule } from './request-logs/request-logs-worker.module';
import { EndUsersModule } from './end-users/end-users.module';
import { FeedbackModule } from './feedback/feedback.module';
import { SetupModule } from './setup/setup.module';
import { StaffModule } from './staff/staff.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';
import { infrastructure } from './infrastructure.modules';

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

/** The background process: BullMQ consumers; models load when a job first needs them. */
@Module({})
export class WorkerModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...infrastructure(logger),
        ModelLoadingModule.forRoot(ModelLoading.OnFirstUse),
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
