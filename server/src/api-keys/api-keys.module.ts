import { Global, Module } from '@nestjs/common';
import { APPLICATION_KEYS } from '../applications/application-keys';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeysRepository } from './api-keys.repository';
import { AdminApiKeysController } from './api-keys.admin.controller';
import { ApiKeysService } from './api-keys.service';

/** Global: it provides the key port the applications domain asks for without importing this module. */
@Global()
@Module({
  imports: [AuditModule, OrganizationsModule],
  controllers: [AdminApiKeysController],
  providers: [
    ApiKeysRepository,
    ApiKeyCache,
    ApiKeysService,
    { provide: APPLICATION_KEYS, useExisting: ApiKeysService },
  ],
  exports: [ApiKeysService, APPLICATION_KEYS],
})
export class ApiKeysModule {}
