import { CommonErrorCode, InvalidRequestError } from './errors';

/**
 * react-admin's simple-REST list contract: `sort=["field","ASC"]`, `range=[0,24]`, `filter={"field":value,"q":"text"}`,
 * answered with a JSON array and `Content-Range: <resource> 0-24/319`. Each resource's DTO file declares the
 * names it may be sorted and filtered by (a `ListContract`); its repository maps those names to SQL
 * (database/list-sql.ts). Anything else is a 400 with a clear message, never a silently ignored filter or a 500.
 */
export type SortOrder = 'ASC' | 'DESC';

export type ValueType = 'text' | 'uuid' | 'int';

export type FilterContract =
  /** `field: value` or `field: [values]` (react-admin's getMany sends `id: [...]`). */
  | { kind: 'values'; type: ValueType; allowed?: readonly string[] }
  /** One free text (react-admin's `q`). */
  | { kind: 'text' };

export interface ListContract<S extends string = string, F extends string = string> {
  resource: string;
  sortable: readonly S[];
  defaultSort: { field: S; order: SortOrder };
  filters: Readonly<Record<F, FilterContract>>;
}

/** Keeps the sort and filter names as literal types, so a repository must map every one of them. */
export function listContract<const S extends string, const F extends string>(
  contract: ListContract<S, F>,
): ListContract<S, F> {
  return contract;
}

export type FilterValue = Array<string | number>;

export interface ListQuery<S extends string = string, F extends string = string> {
  sort: { field: S; order: SortOrder };
  range: { start: number; end: number };
  /** Every given filter as a list of checked values; a text filter holds exactly one. */
  filter: Partial<Record<F, FilterValue>>;
}

export interface ListPage<T> {
  rows: T[];
  total: number;
}

export const MAX_PAGE_SIZE = 1000;
/** Offsets and integer filters stay within Postgres' `integer`, so no value can overflow a column or a cast. */
export const MAX_LIST_INTEGER = 2_147_483_647;
const MAX_TEXT_LENGTH = 1000;
const DEFAULT_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function invalid(message: string): InvalidRequestError {
  return new InvalidRequestError(CommonErrorCode.InvalidListQuery, message);
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
    throw invalid(`${name} is not valid JSON`);
  }
}

/** Own names only: `constructor`, `__proto__` or `toString` must not find something on Object.prototype. */
function isOneOf<T extends string>(names: readonly T[], name: string): name is T {
  return names.includes(name as T);
}

export function parseListQuery<S extends string, F extends string>(
  raw: Record<string, unknown>,
  contract: ListContract<S, F>,
): ListQuery<S, F> {
  return {
    sort: parseSort(raw, contract),
    range: parseRange(raw),
    filter: parseFilter(raw, contract),
  };
}

function parseSort<S extends string>(
  raw: Record<string, unknown>,
  contract: ListContract<S, string>,
): { field: S; order: SortOrder } {
  const value = parseJsonParam(raw, 'sort');
  if (value === undefined) {
    return contract.defaultSort;
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') {
    throw invalid('sort must look like ["field","ASC"]');
  }
  const [field, order] = value as [string, unknown];
  if (!isOneOf(contract.sortable, field)) {
    throw invalid(
      `${contract.resource} cannot be sorted by ${JSON.stringify(field)}; use one of: ${contract.sortable.join(', ')}`,
    );
  }
  const upper = typeof order === 'string' ? order.toUpperCase() : '';
  if (upper !== 'ASC' && upper !== 'DESC') {
    throw invalid('sort order must be ASC or DESC');
  }
  return { field, order: upper };
}

function parseRange(raw: Record<string, unknown>): { start: number; end: number } {
  const value = parseJsonParam(raw, 'range');
  if (value === undefined) {
    return { start: 0, end: DEFAULT_PAGE_SIZE - 1 };
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((bound) => Number.isSafeInteger(bound) && (bound as number) >= 0) ||
    (value[1] as number) < (value[0] as number)
  ) {
    throw invalid('range must look like [start, end], whole numbers with 0 <= start <= end');
  }
  const [start, end] = value as [number, number];
  if (end > MAX_LIST_INTEGER) {
    throw invalid(`range bounds must be at most ${MAX_LIST_INTEGER}`);
  }
  if (end - start + 1 > MAX_PAGE_SIZE) {
    throw invalid(`a page holds at most ${MAX_PAGE_SIZE} records`);
  }
  return { start, end };
}

function parseFilter<F extends string>(
  raw: Record<string, unknown>,
  contract: ListContract<string, F>,
): Partial<Record<F, FilterValue>> {
  const value = parseJsonParam(raw, 'filter') ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('filter must be a JSON object');
  }
  const names = Object.keys(contract.filters) as F[];
  const filter: Partial<Record<F, FilterValue>> = {};
  for (const [name, given] of Object.entries(value as Record<string, unknown>)) {
    if (!isOneOf(names, name)) {
      throw invalid(
        `${contract.resource} cannot be filtered by ${JSON.stringify(name)}; use one of: ${names.join(', ')}`,
      );
    }
    if (given === undefined || given === null || given === '') {
      continue;
    }
    const spec = contract.filters[name];
    filter[name] = spec.kind === 'text' ? [checkedText(name, given)] : filterValues(name, given, spec);
  }
  return filter;
}

/** Postgres text cannot hold NUL, and a filter is never a document. */
function checkedText(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw invalid(`filter ${name} must be text`);
  }
  if (value.includes('\u0000')) {
    throw invalid(`filter ${name} must not contain NUL characters`);
  }
  if (value.length > MAX_TEXT_LENGTH) {
    throw invalid(`filter ${name} must be at most ${MAX_TEXT_LENGTH} characters`);
  }
  return value;
}

function filterValues(
  name: string,
  value: unknown,
  spec: { type: ValueType; allowed?: readonly string[] },
): FilterValue {
  const values = Array.isArray(value) ? value : [value];
  if (values.length > MAX_PAGE_SIZE) {
    throw invalid(`filter ${name} takes at most ${MAX_PAGE_SIZE} values`);
  }
  return values.map((item: unknown) => {
    if (spec.type === 'int') {
      const number = typeof item === 'string' && item.trim() !== '' ? Number(item) : item;
      if (typeof number !== 'number' || !Number.isInteger(number) || Math.abs(number) > MAX_LIST_INTEGER) {
        throw invalid(
          `filter ${name} must be a whole number between -${MAX_LIST_INTEGER} and ${MAX_LIST_INTEGER}`,
        );
      }
      return number;
    }
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw invalid(`filter ${name} must be a string`);
    }
    const text = checkedText(name, String(item));
    if (spec.type === 'uuid' && !isUuid(text)) {
      throw invalid(`filter ${name} must be an id`);
    }
    if (spec.allowed && !spec.allowed.includes(text)) {
      throw invalid(`filter ${name} must be one of: ${spec.allowed.join(', ')}`);
    }
    return text;
  });
}
