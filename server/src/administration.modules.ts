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
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The operator CLI: domain services without HTTP or queues. Apart from the api's and the worker's modules
 * (api.modules.ts, worker.modules.ts), so a CLI run loads only what it runs.
 */
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
