import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BiasModule } from './bias/bias.module';
import { CalibrationModule } from './calibration/calibration.module';
import { QueueModule } from './common/queue.module';
import { V1Module } from './v1/v1.module';
import { FineTuningModule } from './fine-tuning/fine-tuning.module';
import { HeldCompletionsAdminModule } from './moderation/held-completions-admin.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PortalModule } from './portal/portal.module';
import { ResearchGrantsModule } from './research-grants/research-grants.module';
import { RequestLogSearchModule } from './request-logs/request-log-search.module';
import { EndUsersModule } from './end-users/end-users.module';
import { FeedbackModule } from './feedback/feedback.module';
import { SetupModule } from './setup/setup.module';
import { StaffModule } from './staff/staff.module';
import { infrastructure } from './infrastructure.modules';

/**
 * The HTTP process: public API, developer portal, staff API, console, docs, metrics. Apart from the worker's modules
 * (worker.modules.ts), so neither process loads the other's module graph.
 */
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
