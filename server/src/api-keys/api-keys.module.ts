import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [AuditModule],
  providers: [ApiKeysRepository, ApiKeyCache, ApiKeysService],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
