import { keysetFilter, type ListQuery } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { compileFilter } from './compile-filter.js';
import { compileProjection } from './compile-projection.js';
import { type CompiledSort, compileSort } from './compile-sort.js';
import { memoryHandlers } from './handlers.js';
import type { ApiRow, MemoryHandlers, RowPredicate, StoredRow } from './types.js';

/**
 * Options of {@link compileMemory} and `runInMemory`.
 *
 * @example
 * runInMemory(leads, query, rows, { handlers: { ...memoryHandlers, search: mySearch } });
 */
export interface MemoryOptions {
  /** The filter handlers; default {@link memoryHandlers}. */
  readonly handlers?: MemoryHandlers;
}

/**
 * A query compiled for plain objects: filter, order and shape rows with no AST
 * left to walk.
 *
 * @example
 * const { predicate, sortKeys, compare, project }: CompiledMemoryQuery = compileMemory(leads, query);
 */
export interface CompiledMemoryQuery extends CompiledSort {
  /** True when a stored row matches the filter. */
  predicate: RowPredicate;
  /**
   * True when a row comes after the query's keyset position (`query.after`);
   * null when the query has none. The page is the rows passing both
   * predicates; `total` counts the rows passing `predicate` alone.
   */
  seek: RowPredicate | null;
  /** The API row of a stored row: the selected fields, dates as ISO strings. */
  project(row: StoredRow): ApiRow;
}

/**
 * Compiles a query for the in-memory backend, once; the closures it returns
 * can run over any number of rows. `runInMemory` does the whole job; use
 * these parts to run a query over your own iteration (a stream, a cursor).
 *
 * @example
 * const { predicate, sortKeys, compare, project } = compileMemory(leads, query);
 * const page = rows
 *   .filter(predicate)
 *   .map((row) => ({ row, keys: sortKeys(row) }))
 *   .sort((a, b) => compare(a.keys, b.keys))
 *   .slice(0, query.page.limit)
 *   .map(({ row }) => project(row));
 */
export function compileMemory<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  options: MemoryOptions = {},
): CompiledMemoryQuery {
  const generic = resource as Resource;
  const handlers = options.handlers ?? memoryHandlers;
  const nullable = (name: string): boolean => generic.fields.get(name)?.nullable ?? true;
  const folded = (name: string): boolean => generic.fields.get(name)?.caseInsensitiveSort ?? false;
  return {
    predicate: compileFilter(generic, query.filter, handlers),
    seek:
      query.after === null
        ? null
        : compileFilter(
            generic,
            keysetFilter<string>(query.sort, query.after, nullable, folded),
            handlers,
          ),
    ...compileSort(generic, query.sort),
    project: compileProjection(generic, query.select),
  };
}
