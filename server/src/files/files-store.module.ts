import { Module } from '@nestjs/common';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';

/**
 * Training files as stored in Postgres, without the public routes: the worker reads them to screen and train, and
 * must not pull in the /v1 surface (its caller and recorder stages live in the api only).
 */
@Module({
  providers: [FilesRepository, FilesService],
  exports: [FilesService],
})
export class FilesStoreModule {}
