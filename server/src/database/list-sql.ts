import { FilterValue, ListContract, ListPage, ListQuery } from '../common/list-query';

/** How a repository answers one of its DTO's public filters in SQL. */
export type FilterSql =
  /** Equality with one column (`= ANY` for several values). */
  | { column: string }
  /** Case-insensitive substring over several columns. */
  | { search: readonly string[] }
  /** Anything else; `param` binds a value and returns its placeholder. */
  | { build: (values: FilterValue, param: (value: unknown) => string) => string };

/** A list contract bound to tables: every public sort and filter name mapped to SQL (the compiler checks all). */
export interface ListSource<S extends string, F extends string> {
  contract: ListContract<S, F>;
  /** The select list, with camelCase aliases. */
  columns: string;
  /** `FROM ...` with any joins. */
  from: string;
  sortColumns: Readonly<Record<S, string>>;
  /** A unique column appended to every ORDER BY so pages never overlap. */
  tiebreaker: string;
  filterSql: Readonly<Record<F, FilterSql>>;
}

export interface ListSql {
  sql: string;
  params: unknown[];
  countSql: string;
  countParams: unknown[];
}

const CAST: Record<string, string> = { text: 'text', uuid: 'uuid', int: 'int' };

export function buildListSql<S extends string, F extends string>(
  source: ListSource<S, F>,
  query: ListQuery<S, F>,
): ListSql {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = buildListWhere(source, query.filter, param);
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const countSql = `SELECT count(*)::int AS total ${source.from} ${whereSql}`;
  const countParams = [...params];
  const order = `${source.sortColumns[query.sort.field]} ${query.sort.order} NULLS LAST, ${source.tiebreaker} ${query.sort.order}`;
  const limit = param(query.range.end - query.range.start + 1);
  const offset = param(query.range.start);
  const sql = `SELECT ${source.columns} ${source.from} ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  return { sql, params, countSql, countParams };
}

/**
 * The WHERE conditions of a parsed filter, for queries that select differently from a list page (a labeling queue
 * sampled from a request-log filter); `param` binds a value and returns its placeholder.
 */
export function buildListWhere<S extends string, F extends string>(
  source: ListSource<S, F>,
  filter: ListQuery<S, F>['filter'],
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  for (const name of Object.keys(filter) as F[]) {
    const values = filter[name];
    if (!values) {
      continue;
    }
    const sql = source.filterSql[name];
    if ('search' in sql) {
      const pattern = param(`%${String(values[0]).replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
      where.push(`(${sql.search.map((column) => `${column} ILIKE ${pattern}`).join(' OR ')})`);
    } else if ('column' in sql) {
      const spec = source.contract.filters[name];
      const cast = spec.kind === 'values' ? CAST[spec.type] : 'text';
      where.push(
        values.length === 1
          ? `${sql.column} = ${param(values[0])}`
          : `${sql.column} = ANY(${param(values)}::${cast}[])`,
      );
    } else {
      where.push(`(${sql.build(values, param)})`);
    }
  }
  return where;
}

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function runList<T, S extends string = string, F extends string = string>(
  db: Queryable,
  source: ListSource<S, F>,
  query: ListQuery<S, F>,
): Promise<ListPage<T>> {
  const { sql, params, countSql, countParams } = buildListSql(source, query);
  const [rows, counted] = await Promise.all([
    db.query(sql, params) as Promise<T[]>,
    db.query(countSql, countParams) as Promise<Array<{ total: number }>>,
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}
