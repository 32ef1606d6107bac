import { InvalidRequestError, NotFoundError, WardenError } from '../common/errors';
import { describeProblems, LineProblem } from './training-file';

declare module '../common/errors' {
  interface ErrorCodeRegistry {
    files: FilesErrorCode;
  }
}

export enum FilesErrorCode {
  NotFound = 'file_not_found',
  InvalidUpload = 'invalid_upload',
  InvalidPurpose = 'invalid_purpose',
  InvalidTrainingFile = 'invalid_training_file',
  TooLarge = 'file_too_large',
}

export class FileNotFoundError extends NotFoundError {
  constructor(id: string, param = 'file_id') {
    super(FilesErrorCode.NotFound, `No such file: ${id}`, param);
  }
}

export class InvalidUploadError extends InvalidRequestError {
  constructor(message: string, param: string | null = null) {
    super(FilesErrorCode.InvalidUpload, message, param);
  }
}

export class InvalidPurposeError extends InvalidRequestError {
  constructor(purpose: string) {
    super(
      FilesErrorCode.InvalidPurpose,
      `Unsupported purpose "${purpose}": this server stores files for "fine-tune" only.`,
      'purpose',
    );
  }
}

/** A training file that fails validation: the message names each bad line and field. */
export class InvalidTrainingFileError extends InvalidRequestError {
  constructor(readonly problems: LineProblem[]) {
    super(FilesErrorCode.InvalidTrainingFile, `Invalid training file: ${describeProblems(problems)}`, 'file');
  }
}

export class FileTooLargeError extends WardenError {
  constructor(limit: number) {
    super(FilesErrorCode.TooLarge, `The file is larger than the ${limit}-byte limit.`, 'file');
  }
}
