import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { pageLimit } from '../common/page-limit';
import { FileList, OpenAiFile, toFileList, toOpenAiFile } from './files.dto';
import { InvalidUploadError } from './files.errors';
import { FilesService } from './files.service';
import { multipartBoundary, MultipartError, parseMultipart } from './multipart';
import { V1Calls } from './v1-caller';

/** `/v1/files` as the official SDKs call it (purpose `fine-tune`). */
@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1/files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly calls: V1Calls,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Upload a JSONL training file (multipart/form-data: file, purpose=fine-tune)' })
  upload(
    @Req() request: FastifyRequest,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<OpenAiFile> {
    return this.calls.run(this.describe(request, '/v1/files'), async (caller) => {
      const boundary = multipartBoundary(contentType);
      if (!boundary || !Buffer.isBuffer(body)) {
        throw new InvalidUploadError('Send the file as multipart/form-data with "file" and "purpose" parts.');
      }
      let parts;
      try {
        parts = parseMultipart(body, boundary);
      } catch (err) {
        throw new InvalidUploadError(`Malformed multipart body: ${(err as MultipartError).message}.`);
      }
      return toOpenAiFile(await this.files.upload(caller, parts));
    });
  }

  @Get()
  @ApiOperation({ summary: "The organization's files, newest first (cursor: after)" })
  list(
    @Req() request: FastifyRequest,
    @Query() query: Record<string, string | undefined>,
  ): Promise<FileList> {
    return this.calls.run(this.describe(request, '/v1/files'), async (caller) => {
      const limit = pageLimit(query.limit);
      const order = query.order === 'asc' ? 'asc' : 'desc';
      const rows = await this.files.list(caller, {
        purpose: query.purpose ?? null,
        after: query.after ?? null,
        limit,
        order,
      });
      return toFileList(rows, limit);
    });
  }

  @Get(':id')
  retrieve(@Req() request: FastifyRequest, @Param('id') id: string): Promise<OpenAiFile> {
    return this.calls.run(this.describe(request, '/v1/files/{file_id}'), async (caller) =>
      toOpenAiFile(await this.files.get(caller, id)),
    );
  }

  @Get(':id/content')
  async content(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { row, parts } = await this.calls.run(
      this.describe(request, '/v1/files/{file_id}/content'),
      (caller) => this.files.content(caller, id),
    );
    reply.header('content-type', 'application/octet-stream');
    reply.header('content-length', String(row.bytes));
    // Sent part by part: one 32 MiB buffer would be joined, then written, in a single turn of the event loop.
    return Readable.from(parts, { objectMode: false });
  }

  @Delete(':id')
  delete(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
  ): Promise<{ id: string; object: 'file'; deleted: true }> {
    return this.calls.run(this.describe(request, '/v1/files/{file_id}'), async (caller) => {
      await this.files.delete(caller, id);
      return { id, object: 'file', deleted: true };
    });
  }

  private describe(request: FastifyRequest, endpoint: string) {
    return { request, endpoint };
  }
}
