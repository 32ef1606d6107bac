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

  it('is the client’s invalid_value for a lone surrogate jsonb refused (22P02), and names it', () => {
    const lone = new QueryFailedError(
      'INSERT INTO audit_events …',
      ['app-1', JSON.stringify({ name: 'Evil \ud800 Corp' })],
      Object.assign(new Error('invalid input syntax for type json'), { code: '22P02' }),
    );
    expect(unstorableTextError(lone)).toMatchObject({
      code: CommonErrorCode.InvalidValue,
      message: expect.stringContaining('lone surrogate'),
    });
  });

  it('is null for every other failure', () => {
    expect(unstorableTextError(refused('23505'))).toBeNull();
    // Another value jsonb or a cast refused, and the text of an escape rather than a surrogate.
    expect(unstorableTextError(refused('22P02'))).toBeNull();
    const escapedText = new QueryFailedError(
      'INSERT INTO labels …',
      [JSON.stringify({ comment: 'type \\ud800 to get one' }), 'not-a-uuid'],
      Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }),
    );
    expect(unstorableTextError(escapedText)).toBeNull();
    expect(unstorableTextError(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(unstorableTextError('22021')).toBeNull();
    expect(unstorableTextError(undefined)).toBeNull();
  });
});
