import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import {
  FileNotFoundError,
  FileTooLargeError,
  InvalidPurposeError,
  InvalidTrainingFileError,
  InvalidUploadError,
} from './files.errors';
import { FileRow, FilesRepository } from './files.repository';
import { FormPart } from './multipart';
import { TrainingExample, validateTrainingFile } from './training-file';
import { checkTrainingFile } from './training-file-thread';
import { V1Caller } from './v1-caller';

export const FINE_TUNE_PURPOSE = 'fine-tune';

/** Uploads for fine-tuning: validated line by line before anything is stored, then kept in Postgres. */
@Injectable()
export class FilesService {
  constructor(
    private readonly repository: FilesRepository,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async upload(caller: V1Caller, parts: FormPart[]): Promise<FileRow> {
    const file = parts.find((part) => part.name === 'file' && part.filename !== null);
    const purpose = parts
      .find((part) => part.name === 'purpose' && part.filename === null)
      ?.data.toString('utf8');
    if (!file) {
      throw new InvalidUploadError('The upload has no "file" part.', 'file');
    }
    if (purpose === undefined) {
      throw new InvalidUploadError('The upload has no "purpose" field.', 'purpose');
    }
    if (purpose !== FINE_TUNE_PURPOSE) {
      throw new InvalidPurposeError(purpose);
    }
    if (file.data.length > this.config.fineTuning.maxFileBytes) {
      throw new FileTooLargeError(this.config.fineTuning.maxFileBytes);
    }
    const { verdict: validated, content } = await checkTrainingFile(file.data);
    if (!validated.ok) {
      throw new InvalidTrainingFileError(validated.problems);
    }
    return this.repository.insert({
      id: `file-${randomBytes(12).toString('hex')}`,
      organizationId: caller.organizationId,
      applicationId: caller.application.id,
      purpose,
      filename: file.filename ?? 'file.jsonl',
      content,
      format: validated.format,
      examples: validated.examples,
    });
  }

  async get(caller: V1Caller, id: string, param = 'file_id'): Promise<FileRow> {
    const row = await this.repository.find(caller.organizationId, id);
    if (!row) {
      throw new FileNotFoundError(id, param);
    }
    return row;
  }

  list(
    caller: V1Caller,
    options: { purpose: string | null; after: string | null; limit: number; order: 'asc' | 'desc' },
  ): Promise<FileRow[]> {
    return this.repository.list(caller.organizationId, options);
  }

  /** A file's bytes for its owner, in parts (see FilesRepository.contentParts). */
  async content(caller: V1Caller, id: string): Promise<{ row: FileRow; parts: Buffer[] }> {
    const row = await this.get(caller, id);
    const parts = await this.repository.contentParts(id);
    if (!parts) {
      throw new FileNotFoundError(id);
    }
    return { row, parts };
  }

  async delete(caller: V1Caller, id: string): Promise<void> {
    if (!(await this.repository.delete(caller.organizationId, id))) {
      throw new FileNotFoundError(id);
    }
  }

  /** A stored file's bytes, for internal use (passing a screened file upstream). */
  async bytes(id: string): Promise<Buffer> {
    const content = await this.repository.content(id);
    if (!content) {
      throw new FileNotFoundError(id, 'training_file');
    }
    return content;
  }

  /** The examples of a stored training file (validated again: the rules may have changed since upload). */
  async examples(id: string): Promise<TrainingExample[]> {
    const content = await this.repository.content(id);
    if (!content) {
      throw new FileNotFoundError(id, 'training_file');
    }
    const validated = validateTrainingFile(content);
    if (!validated.ok) {
      throw new InvalidTrainingFileError(validated.problems);
    }
    return validated.examples;
  }
}
