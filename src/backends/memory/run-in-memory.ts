import type { CountStrategy, ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { compileMemory, type MemoryOptions } from './compile-memory.js';
import type { SortKeys } from './compile-sort.js';
import { firstInOrder } from './first-in-order.js';
import type { ApiRow, StoredRow } from './types.js';

/**
 * The result of {@link runInMemory}: one page of API rows, the count of every
 * match (null when the query asked for `count: 'none'`), whether rows follow
 * the page, and the count strategy used (`estimated` is answered exactly:
 * counting in memory costs nothing beyond the scan the page needs anyway).
 *
 * @example
 * const { data, total, hasMore, count }: MemoryResult = runInMemory(leads, query, rows);
 */
export interface MemoryResult {
  readonly data: ApiRow[];
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly count: Exclude<CountStrategy, 'estimated'>;
}

/** A matching row with its sort keys and its position in the input (the last tie-breaker). */
interface Match {
  readonly row: StoredRow;
  readonly keys: SortKeys;
  readonly index: number;
}

/**
 * Runs a query over rows keyed by storage name: filters, sorts (nulls last,
 * strings by code point, the id breaking ties), pages (by offset, or after
 * the keyset position `query.after`) and projects. `total` counts every row
 * the filter matches, not just the page nor only those after the position. Each row's sort keys are
 * computed once; only the rows up to the end of the page are put in order.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won&sort=value:desc&limit=10');
 * const { data, total, hasMore } = runInMemory(leads, query, rows);
 */
export function runInMemory<F extends string>(
  resource: Resource<F>,
  // Any query: a parsed query of a resource with relations names paths too (`label.name`).
  query: ListQuery,
  rows: Iterable<StoredRow>,
  options: MemoryOptions = {},
): MemoryResult {
  const { predicate, seek, sortKeys, compare, project } = compileMemory(resource, query, options);
  const matches: Match[] = [];
  let total = 0;
  let index = 0;
  for (const row of rows) {
    if (predicate(row)) {
      total++;
      if (seek === null || seek(row)) matches.push({ row, keys: sortKeys(row), index });
    }
    index++;
  }
  // Input position settles what the keys cannot (rows sharing an id), as a stable sort would.
  const order = (a: Match, b: Match): number => compare(a.keys, b.keys) || a.index - b.index;
  const { limit, page } = query.page;
  // A keyset page starts right after its position: no offset, whatever `page` says.
  const start = query.after === null ? (page - 1) * limit : 0;
  // A page past the last match is empty: nothing to order.
  const ordered = start >= matches.length ? [] : firstInOrder(matches, order, start + limit);
  const count = query.count === 'none' ? 'none' : 'exact';
  return {
    data: ordered.slice(start).map(({ row }) => project(row)),
    total: count === 'none' ? null : total,
    hasMore: matches.length > start + limit,
    count,
  };
}
