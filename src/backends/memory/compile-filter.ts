import { type FilterNode, type FilterVisitor, visitFilter } from '../../ast/index.js';
import { type Field, type Resource, resolveField } from '../../resource/index.js';
import { ownCode } from './cell-leaves.js';
import { cellReader } from './cells.js';
import { memoryHandlers } from './handlers.js';
import {
  type MemoryRelations,
  memoryRelations,
  NO_ROW,
  ONE_LEVEL,
  type RelatedTables,
} from './memory-relations.js';
import type { MemoryContext, MemoryHandlers, RowPredicate } from './types.js';

/**
 * The related rows of one query (see `memoryRelations`), with the related
 * resources' filters compiled by `handlers`. `tables` is the `related`
 * option; without it, a query that needs a related table throws naming it.
 *
 * @example
 * const relations = createMemoryRelations({ labels: labelRows });
 */
export function createMemoryRelations(
  tables?: RelatedTables,
  handlers: MemoryHandlers = memoryHandlers,
): MemoryRelations {
  return memoryRelations(tables, (target, filter) =>
    compileFilter(target, filter, handlers, ONE_LEVEL),
  );
}

/**
 * The context handlers compile against. Field lookups go through the
 * resource's `Map`s, so an unknown name throws instead of reading a
 * prototype; a `relation.field` path resolves to the related field, whose
 * cells the compiled predicate then reads from the related row.
 *
 * @example
 * createMemoryContext(leads).field('value').column; // 'value'
 */
export function createMemoryContext(
  resource: Resource,
  relations: MemoryRelations = createMemoryRelations(),
): MemoryContext {
  return {
    resource,
    relations,
    field(name: string): Field {
      const field = resolveField(resource, name)?.field;
      if (!field) {
        throw new Error(
          `listql/memory: the filter names '${name}', which is not a field of '${resource.name}'`,
        );
      }
      return field;
    },
    cell: (field) => cellReader(field.column),
  };
}

/**
 * Turns a handler map into the `FilterVisitor` that `visitFilter` walks, by
 * handing every handler the same context. Spelled out per kind, so the
 * compiler checks each line and a new node kind cannot be forgotten.
 *
 * A leaf on a to-one path (`label.name`) is compiled by its handler as if
 * the related field were the row's own, then given the related row (or a
 * row of nulls when there is none): the null semantics of a nullable field,
 * for free.
 */
function toVisitor(
  handlers: MemoryHandlers,
  context: MemoryContext,
): FilterVisitor<string, RowPredicate> {
  const onPath = (name: string, compile: () => RowPredicate): RowPredicate => {
    const relation = resolveField(context.resource, name)?.relation ?? null;
    if (relation === null) return compile();
    const related = context.relations.oneOf(relation);
    const predicate = compile();
    return (row) => predicate(related(row) ?? NO_ROW);
  };
  return {
    comparison: (node, visit) =>
      onPath(node.field, () => handlers.comparison(node, visit, context)),
    in: (node, visit) => onPath(node.field, () => handlers.in(node, visit, context)),
    exists: (node, visit) => onPath(node.field, () => handlers.exists(node, visit, context)),
    text: (node, visit) => onPath(node.field, () => handlers.text(node, visit, context)),
    foldedComparison: (node, visit) =>
      onPath(node.field, () => handlers.foldedComparison(node, visit, context)),
    search: (node, visit) => {
      for (const name of node.fields) {
        if (resolveField(context.resource, name)?.relation) {
          throw new Error(
            `listql/memory: search cannot reach '${name}': search across relations is refused`,
          );
        }
      }
      return handlers.search(node, visit, context);
    },
    and: (node, visit) => handlers.and(node, visit, context),
    or: (node, visit) => handlers.or(node, visit, context),
    not: (node, visit) => handlers.not(node, visit, context),
    some: (node, visit) => handlers.some(node, visit, context),
  };
}

/**
 * Compiles a filter into one predicate over stored rows. The tree is walked
 * once, here; the predicate is a tree of closures with every per-node value
 * (date bounds, sets, search patterns, related-row lookups) already
 * prepared. `relations` holds the related rows (`compileMemory` passes the
 * `related` option's); without it, a filter across a relation throws naming
 * the table it needs.
 *
 * @example
 * const matches = compileFilter(leads, parseListQuery(leads, 'status=won').filter);
 * rows.filter(matches);
 */
export function compileFilter(
  resource: Resource,
  filter: FilterNode,
  handlers: MemoryHandlers = memoryHandlers,
  relations: MemoryRelations = createMemoryRelations(undefined, handlers),
): RowPredicate {
  // A filter that is one leaf gets code of its own too (see `cell-leaves.ts`).
  return ownCode(
    visitFilter(filter, toVisitor(handlers, createMemoryContext(resource, relations))),
  );
}
