import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { CommonErrorCode, InvalidRequestError } from '../common/errors';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { CallerResolver } from '../v1/caller';
import { V1Module } from '../v1/v1.module';
import { FilesController } from './files.controller';
import { FileTooLargeError } from './files.errors';
import { FilesStoreModule } from './files-store.module';
import { readUploadBody } from './upload-body';
import { V1Calls } from './v1-caller';

/** Room for the multipart envelope (boundaries, part headers, the purpose field) around the largest file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The one route that reads multipart bodies (FilesController's upload). */
const UPLOAD_ROUTE = '/v1/files';

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
    private readonly callers: CallerResolver,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  /**
   * Multipart bodies reach the upload as one buffer, capped at the file size limit (413 above it). Content-type
   * parsers are per server, not per route, so any other route is refused before its body is read: it would otherwise
   * buffer up to that limit (8 × the JSON limit) for anyone, signed in or not, before answering 415 or 401. The
   * upload itself checks the key from the head, for the same reason (the controller resolves it again, cached).
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) {
      return;
    }
    fastify.addHook('preParsing', (request, _reply, payload, done) => {
      if (request.routeOptions.url === UPLOAD_ROUTE && request.method === 'POST') {
        this.callers.resolveCaller(request.headers.authorization).then(
          () => done(null, payload),
          (err: Error) => done(err),
        );
        return;
      }
      if (!isMultipart(request.headers['content-type'])) {
        done(null, payload);
        return;
      }
      done(
        new InvalidRequestError(
          CommonErrorCode.UnsupportedMediaType,
          `${request.routeOptions.url ?? 'This path'} does not read multipart/form-data: send JSON as application/json (only ${UPLOAD_ROUTE} takes files).`,
        ),
      );
    });
    fastify.addContentTypeParser(
      'multipart/form-data',
      readUploadBody(
        this.config.fineTuning.maxFileBytes + MULTIPART_OVERHEAD,
        () => new FileTooLargeError(this.config.fineTuning.maxFileBytes),
      ),
    );
  }
}

function isMultipart(contentType: string | undefined): boolean {
  return contentType !== undefined && /^\s*multipart\//i.test(contentType);
}
