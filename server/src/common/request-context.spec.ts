import { mintRequestId } from './request-context';

describe('mintRequestId', () => {
  it('mints distinct ids of 24 hex digits across many draws of random bytes', () => {
    const ids = Array.from({ length: 2000 }, mintRequestId);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
