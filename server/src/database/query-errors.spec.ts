import { QueryFailedError } from 'typeorm';
import { CommonErrorCode } from '../common/errors';
import { unstorableTextError } from './query-errors';

function refused(code: string): QueryFailedError {
  return new QueryFailedError('INSERT INTO labels …', [], Object.assign(new Error('refused'), { code }));
}

describe('unstorableTextError', () => {
  it('is the client’s invalid_value for a NUL Postgres refused in text (22021) or jsonb (22P05)', () => {
    for (const code of ['22021', '22P05']) {
      expect(unstorableTextError(refused(code))).toMatchObject({ code: CommonErrorCode.InvalidValue });
    }
    expect(unstorableTextError(Object.assign(new Error('pg'), { code: '22021' }))).not.toBeNull();
  });

  it('is null for every other failure', () => {
    expect(unstorableTextError(refused('23505'))).toBeNull();
    expect(unstorableTextError(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(unstorableTextError('22021')).toBeNull();
    expect(unstorableTextError(undefined)).toBeNull();
  });
});
