import { type FilterNode, type FilterVisitor, visitFilter } from '../../ast/index.js';
import type { Field, Resource } from '../../resource/index.js';
import { ownCode } from './cell-leaves.js';
import { cellReader } from './cells.js';
import { memoryHandlers } from './handlers.js';
import type { MemoryContext, MemoryHandlers, RowPredicate } from './types.js';

/**
 * The context handlers compile against. Field lookups go through the
 * resource's `Map`, so an unknown name throws instead of reading a prototype.
 *
 * @example
 * createMemoryContext(leads).field('value').column; // 'value'
 */
export function createMemoryContext(resource: Resource): MemoryContext {
  return {
    resource,
    field(name: string): Field {
      const field = resource.fields.get(name);
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
 */
function toVisitor(
  handlers: MemoryHandlers,
  context: MemoryContext,
): FilterVisitor<string, RowPredicate> {
  return {
    comparison: (node, visit) => handlers.comparison(node, visit, context),
    in: (node, visit) => handlers.in(node, visit, context),
    exists: (node, visit) => handlers.exists(node, visit, context),
    text: (node, visit) => handlers.text(node, visit, context),
    foldedComparison: (node, visit) => handlers.foldedComparison(node, visit, context),
    search: (node, visit) => handlers.search(node, visit, context),
    and: (node, visit) => handlers.and(node, visit, context),
    or: (node, visit) => handlers.or(node, visit, context),
    not: (node, visit) => handlers.not(node, visit, context),
    some: (node, visit) => handlers.some(node, visit, context),
  };
}

/**
 * Compiles a filter into one predicate over stored rows. The tree is walked
 * once, here; the predicate is a tree of closures with every per-node value
 * (date bounds, sets, search patterns) already computed.
 *
 * @example
 * const matches = compileFilter(leads, parseListQuery(leads, 'status=won').filter);
 * rows.filter(matches);
 */
export function compileFilter(
  resource: Resource,
  filter: FilterNode,
  handlers: MemoryHandlers = memoryHandlers,
): RowPredicate {
  // A filter that is one leaf gets code of its own too (see `cell-leaves.ts`).
  return ownCode(visitFilter(filter, toVisitor(handlers, createMemoryContext(resource))));
}
