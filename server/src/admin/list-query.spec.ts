import { buildListSql, ListSpec, parseListQuery } from './list-query';

const spec: ListSpec = {
  resource: 'things',
  columns: 't.id, t.name',
  from: 'FROM things t',
  sortable: { id: 't.id', name: 'lower(t.name)' },
  defaultSort: { field: 'id', order: 'DESC' },
  tiebreaker: 't.id',
  filters: {
    id: { kind: 'equals', column: 't.id', type: 'uuid' },
    size: { kind: 'equals', column: 't.size', type: 'int' },
    state: { kind: 'equals', column: 't.state', type: 'text', allowed: ['on', 'off'] },
    q: { kind: 'search', columns: ['t.name', 't.note'] },
  },
};

const ID = '3f0c2a9e-6b1d-4c8e-9f00-1a2b3c4d5e6f';

describe('simple-REST list queries', () => {
  it('reads sort, range and filter as react-admin sends them', () => {
    const query = parseListQuery(
      {
        sort: '["name","asc"]',
        range: '[25,49]',
        filter: JSON.stringify({ state: 'on', q: '50%_off', size: '3' }),
      },
      spec,
    );
    expect(query).toEqual({
      sort: { field: 'name', order: 'ASC' },
      range: { start: 25, end: 49 },
      filter: { state: ['on'], q: '50%_off', size: [3] },
    });
    const sql = buildListSql(spec, query);
    expect(sql.sql).toBe(
      'SELECT t.id, t.name FROM things t WHERE t.state = $1 AND (t.name ILIKE $2 OR t.note ILIKE $2) AND t.size = $3 ' +
        'ORDER BY lower(t.name) ASC NULLS LAST, t.id ASC LIMIT $4 OFFSET $5',
    );
    expect(sql.params).toEqual(['on', '%50\\%\\_off%', 3, 25, 25]);
    expect(sql.countSql).toBe(
      'SELECT count(*)::int AS total FROM things t WHERE t.state = $1 AND (t.name ILIKE $2 OR t.note ILIKE $2) AND t.size = $3',
    );
    expect(sql.countParams).toEqual(['on', '%50\\%\\_off%', 3]);
  });

  it("answers getMany's id list with ANY", () => {
    const query = parseListQuery({ filter: JSON.stringify({ id: [ID, ID] }) }, spec);
    expect(buildListSql(spec, query).sql).toContain('t.id = ANY($1::uuid[])');
  });

  it('defaults to the first 25 in the default order', () => {
    expect(parseListQuery({}, spec)).toEqual({
      sort: { field: 'id', order: 'DESC' },
      range: { start: 0, end: 24 },
      filter: {},
    });
  });

  it.each([
    [{ sort: '["secret","ASC"]' }, /cannot be sorted by "secret"/],
    [{ sort: '["name","SIDEWAYS"]' }, /ASC or DESC/],
    [{ range: '[10,5]' }, /range/],
    [{ range: '[0,5000]' }, /at most 1000/],
    [{ filter: '{"owner":"x"}' }, /cannot be filtered by "owner"/],
    [{ filter: '{"id":"not-an-id"}' }, /must be an id/],
    [{ filter: '{"state":"maybe"}' }, /one of: on, off/],
    [{ filter: '{"size":"big"}' }, /integer/],
    [{ filter: '{nope' }, /not valid JSON/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseListQuery(raw, spec)).toThrow(message);
  });
});
