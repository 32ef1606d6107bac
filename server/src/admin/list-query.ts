import { FastifyReply } from 'fastify';
import { InvalidRequestError } from '../common/errors';

/**
 * react-admin's simple-REST list contract: `sort=["field","ASC"]`, `range=[0,24]`, `filter={"field":value,"q":"text"}`,
 * answered with a JSON array and `Content-Range: <resource> 0-24/319`. Each resource declares which fields may be
 * sorted and filtered, as SQL expressions; anything else is a 400 rather than a silently ignored filter.
 */
export type SortOrder = 'ASC' | 'DESC';

export interface ListQuery {
  sort: { field: string; order: SortOrder };
  range: { start: number; end: number };
  filter: Record<string, unknown>;
}

export type ValueType = 'text' | 'uuid' | 'int';

export type FilterSpec =
  /** `field: value` or `field: [values]` (react-admin's getMany sends `id: [...]`). */
  | { kind: 'equals'; column: string; type: ValueType; allowed?: readonly string[] }
  /** Case-insensitive substring over several columns (react-admin's `q`). */
  | { kind: 'search'; columns: string[] }
  /** Anything else; `param` binds a value and returns its placeholder. */
  | {
      kind: 'custom';
      type: ValueType;
      allowed?: readonly string[];
      build: (values: Array<string | number>, param: (value: unknown) => string) => string;
    };

export interface ListSpec {
  resource: string;
  /** The select list, with camelCase aliases. */
  columns: string;
  /** `FROM ...` with any joins. */
  from: string;
  sortable: Record<string, string>;
  defaultSort: { field: string; order: SortOrder };
  /** A unique column appended to every ORDER BY so pages never overlap. */
  tiebreaker: string;
  filters: Record<string, FilterSpec>;
}

export interface ListPage<T> {
  rows: T[];
  total: number;
}

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function invalid(message: string): InvalidRequestError {
  return new InvalidRequestError('invalid_list_query', message);
}

function parseJsonParam(raw: Record<string, unknown>, name: string): unknown {
  const value = raw[name];
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalid(`${name} must be given once, as JSON`);
  }
  try {
    return JSON.parse(value);
  } catch {
    throw invalid(`${name} is not valid JSON: ${value}`);
  }
}

export function parseListQuery(raw: Record<string, unknown>, spec: ListSpec): ListQuery {
  const sortValue = parseJsonParam(raw, 'sort');
  let sort = spec.defaultSort;
  if (sortValue !== undefined) {
    if (!Array.isArray(sortValue) || sortValue.length !== 2 || typeof sortValue[0] !== 'string') {
      throw invalid('sort must look like ["field","ASC"]');
    }
    const [field, order] = sortValue as [string, unknown];
    if (!(field in spec.sortable)) {
      throw invalid(
        `${spec.resource} cannot be sorted by "${field}"; use one of: ${Object.keys(spec.sortable).join(', ')}`,
      );
    }
    const upper = typeof order === 'string' ? order.toUpperCase() : '';
    if (upper !== 'ASC' && upper !== 'DESC') {
      throw invalid('sort order must be ASC or DESC');
    }
    sort = { field, order: upper };
  }

  const rangeValue = parseJsonParam(raw, 'range');
  let range = { start: 0, end: DEFAULT_PAGE_SIZE - 1 };
  if (rangeValue !== undefined) {
    if (
      !Array.isArray(rangeValue) ||
      rangeValue.length !== 2 ||
      !rangeValue.every((bound) => Number.isInteger(bound) && (bound as number) >= 0) ||
      (rangeValue[1] as number) < (rangeValue[0] as number)
    ) {
      throw invalid('range must look like [start, end] with 0 <= start <= end');
    }
    range = { start: rangeValue[0] as number, end: rangeValue[1] as number };
    if (range.end - range.start + 1 > MAX_PAGE_SIZE) {
      throw invalid(`a page holds at most ${MAX_PAGE_SIZE} records`);
    }
  }

  const filterValue = parseJsonParam(raw, 'filter') ?? {};
  if (typeof filterValue !== 'object' || filterValue === null || Array.isArray(filterValue)) {
    throw invalid('filter must be a JSON object');
  }
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filterValue as Record<string, unknown>)) {
    const filterSpec = spec.filters[name];
    if (!filterSpec) {
      throw invalid(
        `${spec.resource} cannot be filtered by "${name}"; use one of: ${Object.keys(spec.filters).join(', ')}`,
      );
    }
    if (value === undefined || value === null || value === '') {
      continue;
    }
    filter[name] =
      filterSpec.kind === 'search'
        ? searchText(name, value)
        : filterValues(name, value, filterSpec.type, filterSpec.allowed);
  }
  return { sort, range, filter };
}

function searchText(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw invalid(`filter ${name} must be text`);
  }
  return value;
}

function filterValues(
  name: string,
  value: unknown,
  type: ValueType,
  allowed?: readonly string[],
): Array<string | number> {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => {
    if (type === 'int') {
      const number = typeof item === 'string' && item.trim() !== '' ? Number(item) : item;
      if (typeof number !== 'number' || !Number.isInteger(number)) {
        throw invalid(`filter ${name} must be an integer`);
      }
      return number;
    }
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw invalid(`filter ${name} must be a string`);
    }
    const text = String(item);
    if (type === 'uuid' && !isUuid(text)) {
      throw invalid(`filter ${name} must be an id`);
    }
    if (allowed && !allowed.includes(text)) {
      throw invalid(`filter ${name} must be one of: ${allowed.join(', ')}`);
    }
    return text;
  });
}

export interface ListSql {
  sql: string;
  params: unknown[];
  countSql: string;
  countParams: unknown[];
}

export function buildListSql(spec: ListSpec, query: ListQuery): ListSql {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  for (const [name, value] of Object.entries(query.filter)) {
    const filterSpec = spec.filters[name];
    if (filterSpec.kind === 'search') {
      const pattern = param(`%${String(value).replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
      where.push(`(${filterSpec.columns.map((column) => `${column} ILIKE ${pattern}`).join(' OR ')})`);
    } else if (filterSpec.kind === 'equals') {
      const values = value as Array<string | number>;
      where.push(
        values.length === 1
          ? `${filterSpec.column} = ${param(values[0])}`
          : `${filterSpec.column} = ANY(${param(values)}::${filterSpec.type}[])`,
      );
    } else {
      where.push(`(${filterSpec.build(value as Array<string | number>, param)})`);
    }
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const countSql = `SELECT count(*)::int AS total ${spec.from} ${whereSql}`;
  const countParams = [...params];
  const order = `${spec.sortable[query.sort.field]} ${query.sort.order} NULLS LAST, ${spec.tiebreaker} ${query.sort.order}`;
  const limit = param(query.range.end - query.range.start + 1);
  const offset = param(query.range.start);
  const sql = `SELECT ${spec.columns} ${spec.from} ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  return { sql, params, countSql, countParams };
}

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function runList<T>(db: Queryable, spec: ListSpec, query: ListQuery): Promise<ListPage<T>> {
  const { sql, params, countSql, countParams } = buildListSql(spec, query);
  const [rows, counted] = await Promise.all([
    db.query(sql, params) as Promise<T[]>,
    db.query(countSql, countParams) as Promise<Array<{ total: number }>>,
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

/** `Content-Range: applications 0-24/319`, exposed so the console can read it. */
export function setContentRange(
  reply: FastifyReply,
  resource: string,
  query: ListQuery,
  page: ListPage<unknown>,
): void {
  const range =
    page.rows.length > 0
      ? `${query.range.start}-${query.range.start + page.rows.length - 1}`
      : `${query.range.start}-${query.range.start}`;
  reply.header('Content-Range', `${resource} ${range}/${page.total}`);
  reply.header('Access-Control-Expose-Headers', 'Content-Range');
}
