import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BiasModule } from './bias/bias.module';
import { QueueModule } from './common/queue.module';
import { EndUsersModule } from './end-users/end-users.module';
import { infrastructure } from './infrastructure.modules';
import { OrganizationsModule } from './organizations/organizations.module';
import { PoliciesModule } from './policies/policies.module';
import { SetupModule } from './setup/setup.module';
import { WebhooksModule } from './webhooks/webhooks.module';

// Apart from the api's and the worker's modules (app.modules.ts), so the operator CLI loads only what it runs.

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
