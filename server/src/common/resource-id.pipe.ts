import { CommonErrorCode } from './errors';
import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { isUuid } from './list-query';

/** A path id that cannot name a record is simply not found (and never reaches Postgres as a bad uuid). */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) {
      throw new NotFoundError(CommonErrorCode.NotFound, `Nothing has the id ${value}.`);
    }
    return value.toLowerCase();
  }
}
