import { Global, Module } from '@nestjs/common';
import { loadConfig, WardenConfig } from './config';

export const WARDEN_CONFIG = Symbol('WARDEN_CONFIG');

@Global()
@Module({
  providers: [{ provide: WARDEN_CONFIG, useFactory: (): WardenConfig => loadConfig() }],
  exports: [WARDEN_CONFIG],
})
export class ConfigModule {}
