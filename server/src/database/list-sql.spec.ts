import { listContract, parseListQuery } from '../common/list-query';
import { buildListSql, ListSource } from './list-sql';

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

const SOURCE: ListSource<'id' | 'name', 'id' | 'size' | 'state' | 'q'> = {
  contract: THINGS,
  columns: 't.id, t.name',
  from: 'FROM things t',
  sortColumns: { id: 't.id', name: 'lower(t.name)' },
  tiebreaker: 't.id',
  filterSql: {
    id: { column: 't.id' },
    size: { column: 't.size' },
    state: { column: 't.state' },
    q: { search: ['t.name', 't.note'] },
  },
};

const ID = '3f0c2a9e-6b1d-4c8e-9f00-1a2b3c4d5e6f';

describe('list SQL', () => {
  it('binds every value and orders with a tiebreaker', () => {
    const query = parseListQuery(
      {
        sort: '["name","asc"]',
        range: '[25,49]',
        filter: JSON.stringify({ state: 'on', q: '50%_off', size: '3' }),
      },
      THINGS,
    );
    const sql = buildListSql(SOURCE, query);
    expect(sql.sql).toBe(
      'SELECT t.id, t.name FROM things t WHERE t.state = $1 AND (t.name ILIKE $2 OR t.note ILIKE $2) AND t.size = $3 ' +
        'ORDER BY lower(t.name) ASC NULLS LAST, t.id ASC LIMIT $4 OFFSET $5',
    );
    expect(sql.params).toEqual(['on', '%50\\%\\_off%', 3, 25, 25]);
    expect(sql.countParams).toEqual(['on', '%50\\%\\_off%', 3]);
  });

  it("answers getMany's id list with ANY", () => {
    const query = parseListQuery({ filter: JSON.stringify({ id: [ID, ID] }) }, THINGS);
    expect(buildListSql(SOURCE, query).sql).toContain('t.id = ANY($1::uuid[])');
  });
});
