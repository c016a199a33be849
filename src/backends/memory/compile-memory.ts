import { keysetFilter, type ListQuery } from '../../ast/index.js';
import { type Resource, resolveField } from '../../resource/index.js';
import { compileFilter, createMemoryRelations } from './compile-filter.js';
import { compileProjection } from './compile-projection.js';
import { type CompiledSort, compileSort } from './compile-sort.js';
import { memoryHandlers } from './handlers.js';
import type { RelatedTables } from './memory-relations.js';
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
  /**
   * The related rows, per table (a relation's `table`, a many-to-many
   * relation's `through.table`), keyed by storage column like the rows
   * themselves: `{ labels: [...], tags: [...], lead_tags: [...] }`. Needed
   * only by queries that filter, sort or embed across a relation that is not
   * `embedded`; such a query without its table throws naming it.
   */
  readonly related?: RelatedTables;
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
  // Any query: a parsed query of a resource with relations names paths too (`label.name`).
  query: ListQuery,
  options: MemoryOptions = {},
): CompiledMemoryQuery {
  const generic = resource as Resource;
  const handlers = options.handlers ?? memoryHandlers;
  // One set of lookups for the whole query: filter, keyset, sort and embeds share each Map.
  const relations = createMemoryRelations(options.related, handlers);
  // A to-one path is null where there is no related row, whatever its field says.
  const nullable = (name: string): boolean => {
    const resolved = resolveField(generic, name);
    return resolved === undefined || resolved.relation !== null || resolved.field.nullable;
  };
  const folded = (name: string): boolean =>
    resolveField(generic, name)?.field.caseInsensitiveSort ?? false;
  return {
    predicate: compileFilter(generic, query.filter, handlers, relations),
    seek:
      query.after === null
        ? null
        : compileFilter(
            generic,
            keysetFilter<string>(query.sort, query.after, nullable, folded),
            handlers,
            relations,
          ),
    ...compileSort(generic, query.sort, relations),
    project: compileProjection(generic, query.select, relations),
  };
}
