import type { FilterNode, FilterNodeKind } from '../../ast/index.js';
import type { Field, Resource } from '../../resource/index.js';
import type { MemoryRelations } from './memory-relations.js';

/**
 * A row as stored: a plain object whose keys are storage (column) names.
 * Typed as `object` so that rows declared with an interface are accepted.
 *
 * @example
 * const row: StoredRow = { id: 'lead_1', created_at: new Date(), value: null };
 */
export type StoredRow = object;

/**
 * A row as the API returns it: keyed by field names, dates as ISO strings,
 * missing values as null.
 *
 * @example
 * const row: ApiRow = { id: 'lead_1', createdAt: '2026-01-31T23:59:59.999Z', value: null };
 */
export type ApiRow = Record<string, unknown>;

/**
 * A compiled filter: true when the row matches.
 *
 * @example
 * const isWon: RowPredicate = compileFilter(leads, eq('status', 'won'));
 */
export type RowPredicate = (row: StoredRow) => boolean;

/**
 * What a handler may ask about the resource while compiling.
 *
 * @example
 * const read = context.cell(context.field('createdAt')); // read(row): the cell, or null
 */
export interface MemoryContext {
  readonly resource: Resource;
  /** The related rows of the query, per relation (see `some` in `memoryHandlers`). */
  readonly relations: MemoryRelations;
  /**
   * The field called `name`, or the related field of a `relation.field` path
   * (a leaf on a to-one path is handed the related row); throws an Error
   * naming the resource when there is neither.
   */
  field(name: string): Field;
  /** A reader of the field's cell: null, `undefined`, missing and inherited cells read as null. */
  cell(field: Field): (row: StoredRow) => unknown;
}

/**
 * The handler for one node kind: gets the node, a `visit` that compiles a
 * child node with the same handlers, and the context; returns the predicate.
 * Do all per-node work (bounds, sets, patterns) here, outside the returned
 * closure, so that nothing is recomputed per row.
 *
 * @example
 * const exists: MemoryHandler<'exists'> = (node, _visit, context) => {
 *   const read = context.cell(context.field(node.field));
 *   return (row) => (read(row) !== null) === node.exists;
 * };
 */
export type MemoryHandler<K extends FilterNodeKind> = (
  node: Extract<FilterNode, { kind: K }>,
  visit: (child: FilterNode) => RowPredicate,
  context: MemoryContext,
) => RowPredicate;

/**
 * One handler per node kind; a map that forgets a kind does not compile.
 *
 * @example
 * const handlers: MemoryHandlers = { ...memoryHandlers, exists };
 */
export type MemoryHandlers = { readonly [K in FilterNodeKind]: MemoryHandler<K> };
