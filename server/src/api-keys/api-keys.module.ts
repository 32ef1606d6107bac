import { Module } from '@nestjs/common';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';

@Module({
  providers: [ApiKeysRepository, ApiKeyCache, ApiKeysService],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
