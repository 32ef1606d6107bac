import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeysRepository } from './api-keys.repository';
import { AdminApiKeysController } from './api-keys.admin.controller';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [AuditModule],
  controllers: [AdminApiKeysController],
  providers: [ApiKeysRepository, ApiKeyCache, ApiKeysService],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
