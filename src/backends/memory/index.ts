/**
 * `listql/memory`: run a list query over plain objects. It is the reference
 * every other backend is tested against, and its filter compiler is built on
 * a handler map you can extend or copy for your own store.
 *
 * @example
 * import { leads, parseListQuery } from 'listql';
 * import { runInMemory } from 'listql/memory';
 * const { data, total } = runInMemory(leads, parseListQuery(leads, 'status=won'), rows);
 */
export {
  cellReader,
  compareOrderKeys,
  type OrderKey,
  orderKeyOf,
  ownCellsOnly,
} from './cells.js';
export { codePointKey } from './code-points.js';
export { allOf, anyOf } from './combinators.js';
export { compileFilter, createMemoryContext, createMemoryRelations } from './compile-filter.js';
export { type CompiledMemoryQuery, compileMemory, type MemoryOptions } from './compile-memory.js';
export { compileProjection } from './compile-projection.js';
export { type CompiledSort, compileSort, type SortKeys } from './compile-sort.js';
export { dateCellIso, dateCellMs, isCanonicalInstant } from './date-cells.js';
export { checkFilterValue } from './filter-values.js';
export { memoryHandlers } from './handlers.js';
export {
  comparisonPredicate,
  existsPredicate,
  inListPredicate,
  searchPredicate,
} from './leaf-predicates.js';
export {
  type MemoryRelations,
  memoryRelations,
  NO_ROW,
  ONE_LEVEL,
  type RelatedTables,
} from './memory-relations.js';
export { type MemoryResult, runInMemory } from './run-in-memory.js';
export { literalSearchPattern } from './search-pattern.js';
export type {
  ApiRow,
  MemoryContext,
  MemoryHandler,
  MemoryHandlers,
  RowPredicate,
  StoredRow,
} from './types.js';
