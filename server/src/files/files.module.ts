import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { V1Module } from '../v1/v1.module';
import { FilesController } from './files.controller';
import { FilesStoreModule } from './files-store.module';
import { V1Calls } from './v1-caller';

/** Room for the multipart envelope (boundaries, part headers, the purpose field) around the largest file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** `/v1/files`: training files, validated and stored in Postgres. */
@Module({
  imports: [FilesStoreModule, V1Module],
  controllers: [FilesController],
  providers: [V1Calls],
  exports: [FilesStoreModule, V1Calls],
})
export class FilesModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  /** Multipart bodies reach the controller as one buffer, capped at the file size limit (Fastify answers 413). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) {
      return;
    }
    fastify.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: this.config.fineTuning.maxFileBytes + MULTIPART_OVERHEAD },
      (_request, body, done) => done(null, body),
    );
  }
}
