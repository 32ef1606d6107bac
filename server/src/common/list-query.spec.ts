import { listContract, parseListQuery } from './list-query';

const THINGS = listContract({
  resource: 'things',
  sortable: ['id', 'name'],
  defaultSort: { field: 'id', order: 'DESC' },
  filters: {
    id: { kind: 'values', type: 'uuid' },
    size: { kind: 'values', type: 'int' },
    state: { kind: 'values', type: 'text', allowed: ['on', 'off'] },
    q: { kind: 'text' },
  },
});

const ID = '3f0c2a9e-6b1d-4c8e-9f00-1a2b3c4d5e6f';

describe('simple-REST list queries', () => {
  it('reads sort, range and filter as react-admin sends them', () => {
    const query = parseListQuery(
      {
        sort: '["name","asc"]',
        range: '[25,49]',
        filter: JSON.stringify({ state: 'on', q: '50%_off', size: '3', id: [ID] }),
      },
      THINGS,
    );
    expect(query).toEqual({
      sort: { field: 'name', order: 'ASC' },
      range: { start: 25, end: 49 },
      filter: { state: ['on'], q: ['50%_off'], size: [3], id: [ID] },
    });
  });

  it('defaults to the first 25 in the default order', () => {
    expect(parseListQuery({}, THINGS)).toEqual({
      sort: { field: 'id', order: 'DESC' },
      range: { start: 0, end: 24 },
      filter: {},
    });
  });

  it.each([
    [{ sort: '["secret","ASC"]' }, /cannot be sorted by "secret"/],
    [{ sort: '["constructor","ASC"]' }, /cannot be sorted by "constructor"/],
    [{ sort: '["__proto__","ASC"]' }, /cannot be sorted by "__proto__"/],
    [{ sort: '["name","SIDEWAYS"]' }, /ASC or DESC/],
    [{ range: '[10,5]' }, /range/],
    [{ range: '[0,5000]' }, /at most 1000/],
    [{ range: '[1e20,1e20]' }, /whole numbers/],
    [{ range: '[3000000000,3000000001]' }, /at most 2147483647/],
    [{ filter: '{"owner":"x"}' }, /cannot be filtered by "owner"/],
    [{ filter: '{"__proto__":"x"}' }, /cannot be filtered by "__proto__"/],
    [{ filter: '{"toString":"x"}' }, /cannot be filtered by "toString"/],
    [{ filter: '{"id":"not-an-id"}' }, /must be an id/],
    [{ filter: '{"state":"maybe"}' }, /one of: on, off/],
    [{ filter: '{"size":"big"}' }, /whole number/],
    [{ filter: '{"size":99999999999999999999}' }, /whole number/],
    [{ filter: '{"q":"a\\u0000b"}' }, /NUL/],
    [{ filter: '{nope' }, /not valid JSON/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseListQuery(raw, THINGS)).toThrow(message);
  });
});
