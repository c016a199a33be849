import {
  type ComparisonNode,
  type FilterNode,
  type FilterVisitor,
  type FoldedComparisonNode,
  foldAscii,
  type InNode,
  type SearchNode,
  type SomeNode,
  type TextNode,
  visitFilter,
} from '../../ast/index.js';
import { relationOf } from '../../resource/resolve-field.js';
import { stringFieldFor } from '../check-filter-value.js';
import { asciiFoldExpression } from './ascii-fold.js';
import { dateCondition, literal } from './literal.js';
import type { MongoDocument } from './mongo-types.js';
import { literalSubstringPattern, literalTextPattern } from './search-pattern.js';
import { fail, type MongoStorage } from './storage.js';

/**
 * A compiled condition: a query document, or a constant. Constants are folded
 * away before anything reaches MongoDB, which rejects an empty `$and`/`$or`
 * and has no literal `true`/`false` query document.
 */
type Condition = MongoDocument | boolean;

function allOf(children: readonly Condition[]): Condition {
  if (children.includes(false)) return false;
  const docs = children.filter((c): c is MongoDocument => c !== true);
  if (docs.length === 0) return true;
  return docs.length === 1 ? docs[0]! : { $and: docs };
}

function anyOf(children: readonly Condition[]): Condition {
  if (children.includes(true)) return true;
  const docs = children.filter((c): c is MongoDocument => c !== false);
  if (docs.length === 0) return false;
  return docs.length === 1 ? docs[0]! : { $or: docs };
}

function comparison<F extends string>(
  node: ComparisonNode<F>,
  storage: MongoStorage<F>,
): Condition {
  const { field, key: column } = storage.leaf(node.field);
  // Query comparison operators never match null or a missing field, and type
  // bracketing keeps them within the value's BSON type: two-valued logic as is.
  if (field.type === 'datetime') return { [column]: dateCondition(field, node.op, node.value) };
  const value = literal(field, node.value);
  return { [column]: { [`$${node.op}`]: value } };
}

function inList<F extends string>(node: InNode<F>, storage: MongoStorage<F>): Condition {
  const { field, key } = storage.leaf(node.field);
  if (node.values.length === 0) return false;
  // A day is a range, not a value: expand to one range per value.
  if (field.type === 'datetime') {
    return anyOf(
      node.values.map((value) =>
        comparison({ kind: 'comparison', field: node.field, op: 'eq', value }, storage),
      ),
    );
  }
  const values = node.values.map((value) => literal(field, value));
  return { [key]: { $in: values } };
}

function search<F extends string>(node: SearchNode<F>, storage: MongoStorage<F>): Condition {
  const { maxSearchLength } = storage.resource.limits;
  if (node.term.length > maxSearchLength) {
    fail(`a search term is longer than the resource's limits.maxSearchLength (${maxSearchLength})`);
  }
  const pattern = literalSubstringPattern(node.term);
  return anyOf(
    node.fields.map((name) => {
      const { field, key, relation } = storage.leaf(name);
      if (relation !== null) fail(`search field '${name}' is a relation path`);
      if (field.type !== 'string') fail(`search field '${name}' is not a string field`);
      // $regex matches strings only: null and missing fields never match.
      return { [key]: { $regex: pattern } };
    }),
  );
}

/** The column of a node only string fields take (`text`, `foldedComparison`), or it throws. */
function stringColumn<F extends string>(name: F, kind: string, storage: MongoStorage<F>): string {
  const { field, key } = storage.leaf(name);
  stringFieldFor('listql/mongo', kind, field);
  return key;
}

function text<F extends string>(node: TextNode<F>, storage: MongoStorage<F>): Condition {
  const column = stringColumn(node.field, 'text', storage);
  const value = literal(storage.field(node.field), node.value) as string;
  // $regex matches strings only: null and missing fields never match.
  return { [column]: { $regex: literalTextPattern(node.op, value) } };
}

/**
 * The folded text of the column against the folded value. `$expr` compares
 * across BSON types (null sorts below every string, so `$lt` would hold for a
 * null), hence the `$type` test: only strings match, as on every backend.
 */
function folded<F extends string>(
  node: FoldedComparisonNode<F>,
  storage: MongoStorage<F>,
): Condition {
  // MongoDB refuses `$expr` inside `$elemMatch`; the parser never folds inside some().
  if (storage.element) fail(`a foldedComparison cannot be tested inside some()`);
  const column = stringColumn(node.field, 'foldedComparison', storage);
  const value = foldAscii(literal(storage.field(node.field), node.value) as string);
  return {
    $and: [
      { [column]: { $type: 'string' } },
      { $expr: { [`$${node.op}`]: [asciiFoldExpression(`$${column}`), { $literal: value }] } },
    ],
  };
}

/**
 * At least one related document satisfies the child filter: `$elemMatch`
 * over the relation's array (looked up, or embedded), the child compiled by
 * this same compiler against the related resource's fields. A missing or
 * empty array matches nothing, so `not(some)` (`$nor`) holds for a row
 * without related rows. An always-true child needs only a first element.
 */
function some<F extends string>(node: SomeNode, storage: MongoStorage<F>): Condition {
  const relation = relationOf(storage.resource, node.relation);
  const key = storage.relationKey(relation);
  if (relation.type === 'toOne') {
    // One sub-document (or null) rather than an array: "some" is "there is
    // one, and it matches", the child reading the sub-document's keys.
    const child = visitFilter(node.filter, visitor(storage.target(relation, 'prefixed')));
    return allOf([{ [key]: { $type: 'object' } }, child]);
  }
  const child = visitFilter(node.filter, visitor(storage.target(relation, 'element')));
  if (child === false) return false;
  if (child === true) return { [`${key}.0`]: { $exists: true } };
  return { [key]: { $elemMatch: child } };
}

function visitor<F extends string>(storage: MongoStorage<F>): FilterVisitor<F, Condition> {
  return {
    comparison: (node) => comparison(node, storage),
    in: (node) => inList(node, storage),
    // `$ne: null` matches neither null nor a missing field (`$exists: true`
    // would also match a stored null); `$eq: null` matches both.
    exists: (node) => ({
      [storage.leaf(node.field).key]: node.exists ? { $ne: null } : { $eq: null },
    }),
    text: (node) => text(node, storage),
    foldedComparison: (node) => folded(node, storage),
    some: (node) => some(node, storage),
    search: (node) => search(node, storage),
    and: (node, visit) => allOf(node.children.map(visit)),
    or: (node, visit) => anyOf(node.children.map(visit)),
    not: (node, visit) => {
      const child = visit(node.child);
      // Every compiled leaf is plainly true or false for a document (no
      // "unknown" as in SQL), so `$nor` of it is the two-valued negation.
      return typeof child === 'boolean' ? !child : { $nor: [child] };
    },
  };
}

/**
 * The query document for a filter tree: usable as `find(filter)`,
 * `countDocuments(filter)` and `{ $match: filter }`. Always-true compiles to
 * `{}`; always-false to `{ <idColumn>: { $in: [] } }`, which matches nothing.
 *
 * @example
 * compileFilter(and([eq('status', 'won'), exists('gclid', true)]), mongoStorage(leads));
 * // { $and: [{ status: { $eq: 'won' } }, { gclid: { $ne: null } }] }
 */
export function compileFilter<F extends string>(
  node: FilterNode<F>,
  storage: MongoStorage<F>,
): MongoDocument {
  const condition = visitFilter(node, visitor(storage));
  if (condition === true) return {};
  if (condition === false) return { [storage.idColumn]: { $in: [] } };
  return condition;
}
