import { relationOf } from '../../resource/index.js';
import { checkSearchTerm, stringFieldFor } from '../check-filter-value.js';
import { allOf, anyOf } from './combinators.js';
import { checkFilterValue } from './filter-values.js';
import {
  comparisonPredicate,
  existsPredicate,
  foldedPredicate,
  inListPredicate,
  searchPredicate,
  textPredicate,
} from './leaf-predicates.js';
import type { MemoryContext, MemoryHandler, MemoryHandlers } from './types.js';

const comparison: MemoryHandler<'comparison'> = (node, _visit, context) => {
  const field = context.field(node.field);
  checkFilterValue(field, node.value);
  return comparisonPredicate(field, node.op, node.value);
};

const inList: MemoryHandler<'in'> = (node, _visit, context) => {
  const field = context.field(node.field);
  for (const value of node.values) checkFilterValue(field, value);
  return inListPredicate(field, node.values);
};

const exists: MemoryHandler<'exists'> = (node, _visit, context) =>
  existsPredicate(context.field(node.field), node.exists);

/** The field of a text-only node (`text`, `foldedComparison`): a string field, or it throws. */
function stringField(context: MemoryContext, name: string, kind: string) {
  return stringFieldFor('listql/memory', kind, context.field(name));
}

const text: MemoryHandler<'text'> = (node, _visit, context) => {
  const field = stringField(context, node.field, 'text');
  checkFilterValue(field, node.value);
  return textPredicate(field, node.op, node.value);
};

const foldedComparison: MemoryHandler<'foldedComparison'> = (node, _visit, context) => {
  const field = stringField(context, node.field, 'foldedComparison');
  checkFilterValue(field, node.value);
  return foldedPredicate(field, node.op, node.value);
};

const search: MemoryHandler<'search'> = (node, _visit, context) => {
  const fields = node.fields.map((name) => {
    const field = context.field(name);
    if (field.type !== 'string' && field.type !== 'enum') {
      throw new Error(
        `listql/memory: cannot search '${name}' (${field.type}); only string and enum fields can be searched`,
      );
    }
    return field;
  });
  return searchPredicate(fields, checkSearchTerm('listql/memory', node.term));
};

const and: MemoryHandler<'and'> = (node, visit) =>
  allOf(node.children.map((child) => visit(child)));

const or: MemoryHandler<'or'> = (node, visit) => anyOf(node.children.map((child) => visit(child)));

const not: MemoryHandler<'not'> = (node, visit) => {
  const child = visit(node.child);
  return (row) => !child(row);
};

/**
 * At least one related row satisfies the filter, compiled by these same
 * handlers against the related resource's fields. No related row: false.
 */
const some: MemoryHandler<'some'> = (node, _visit, context) => {
  const relation = relationOf(context.resource, node.relation);
  const relatedRows = context.relations.rowsOf(relation);
  const matches = context.relations.compileWithin(relation, node.filter);
  return (row) => {
    for (const related of relatedRows(row)) if (matches(related)) return true;
    return false;
  };
};

/**
 * The handlers the in-memory backend compiles filters with, one per node
 * kind. Spread it and replace a handler to change how one kind runs, then
 * pass the map to `compileMemory` or `runInMemory`.
 *
 * @example
 * const handlers: MemoryHandlers = {
 *   ...memoryHandlers,
 *   search: (node, visit, context) => myFuzzySearch(node, context),
 * };
 * runInMemory(leads, query, rows, { handlers });
 */
export const memoryHandlers: MemoryHandlers = Object.freeze({
  comparison,
  in: inList,
  exists,
  text,
  foldedComparison,
  search,
  and,
  or,
  not,
  some,
});
