import type { ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { compileMemory, type MemoryOptions } from './compile-memory.js';
import type { SortKeys } from './compile-sort.js';
import { firstInOrder } from './first-in-order.js';
import type { ApiRow, StoredRow } from './types.js';

/** The result of {@link runInMemory}: one page of API rows and the count of every match. */
export interface MemoryResult {
  readonly data: ApiRow[];
  readonly total: number;
}

/** A matching row with its sort keys and its position in the input (the last tie-breaker). */
interface Match {
  readonly row: StoredRow;
  readonly keys: SortKeys;
  readonly index: number;
}

/**
 * Runs a query over rows keyed by storage name: filters, sorts (nulls last,
 * strings by code point, the id breaking ties), pages and projects. `total`
 * counts every matching row, not just the page. Each row's sort keys are
 * computed once; only the rows up to the end of the page are put in order.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won&sort=value:desc&limit=10');
 * const { data, total } = runInMemory(leads, query, rows);
 */
export function runInMemory<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  rows: Iterable<StoredRow>,
  options: MemoryOptions = {},
): MemoryResult {
  const { predicate, sortKeys, compare, project } = compileMemory(resource, query, options);
  const matches: Match[] = [];
  let index = 0;
  for (const row of rows) {
    if (predicate(row)) matches.push({ row, keys: sortKeys(row), index });
    index++;
  }
  // Input position settles what the keys cannot (rows sharing an id), as a stable sort would.
  const order = (a: Match, b: Match): number => compare(a.keys, b.keys) || a.index - b.index;
  const { limit, page } = query.page;
  const start = (page - 1) * limit;
  const ordered = firstInOrder(matches, order, start + limit);
  return {
    data: ordered.slice(start).map(({ row }) => project(row)),
    total: matches.length,
  };
}
