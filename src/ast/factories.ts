import type {
  AndNode,
  ComparisonNode,
  ExistsNode,
  FilterNode,
  FilterValue,
  FoldedComparisonNode,
  InNode,
  NotNode,
  OrNode,
  SearchNode,
  SomeNode,
  TextNode,
} from './nodes.js';
import type { ComparisonOperator, TextOperator } from './operators.js';

/**
 * Small frozen factories for filter nodes. Servers use them to build their own
 * conditions (a tenant scope, a soft-delete flag) and AND them into a parsed
 * query with {@link and}.
 *
 * @example
 * const scoped = and([query.filter, eq('labelId', 'tenant_42')]);
 */
export function comparison<F extends string>(
  field: F,
  op: ComparisonOperator,
  value: FilterValue,
): ComparisonNode<F> {
  return Object.freeze({ kind: 'comparison', field, op, value });
}

/** `field = value`. @example eq('status', 'won') */
export function eq<F extends string>(field: F, value: FilterValue): ComparisonNode<F> {
  return comparison(field, 'eq', value);
}

/** `field IN values`. @example inList('status', ['won', 'lost']) */
export function inList<F extends string>(field: F, values: readonly FilterValue[]): InNode<F> {
  return Object.freeze({ kind: 'in', field, values: Object.freeze([...values]) });
}

/**
 * `field <> value`, null rows included: `not(eq(field, value))`, which is
 * what the URL's `field[ne]=value` parses to.
 * @example ne('status', 'won')
 */
export function ne<F extends string>(field: F, value: FilterValue): NotNode<F> {
  return not(eq(field, value));
}

/**
 * `field` is none of `values`, null rows included: `not(inList(field, values))`,
 * which is what the URL's `field[nin]=a,b` parses to.
 * @example notIn('status', ['won', 'lost'])
 */
export function notIn<F extends string>(field: F, values: readonly FilterValue[]): NotNode<F> {
  return not(inList(field, values));
}

/**
 * A literal, ASCII case-insensitive text match on a string field.
 * @example text('name', 'startsWith', 'ac')
 */
export function text<F extends string>(field: F, op: TextOperator, value: string): TextNode<F> {
  return Object.freeze({ kind: 'text', field, op, value });
}

/**
 * A comparison of ASCII-folded text (see `FoldedComparisonNode`).
 * @example foldedComparison('name', 'gt', 'Acme')
 */
export function foldedComparison<F extends string>(
  field: F,
  op: ComparisonOperator,
  value: string,
): FoldedComparisonNode<F> {
  return Object.freeze({ kind: 'foldedComparison', field, op, value });
}

/** `field IS [NOT] NULL`. @example exists('gclid', true) */
export function exists<F extends string>(field: F, present: boolean): ExistsNode<F> {
  return Object.freeze({ kind: 'exists', field, exists: present });
}

/** Literal, case-insensitive substring search. @example search(['name', 'email'], 'john') */
export function search<F extends string>(fields: readonly F[], term: string): SearchNode<F> {
  return Object.freeze({ kind: 'search', fields: Object.freeze([...fields]), term });
}

/** All of `children`. @example and([eq('status', 'won'), exists('gclid', true)]) */
export function and<F extends string>(children: readonly FilterNode<F>[]): AndNode<F> {
  return Object.freeze({ kind: 'and', children: Object.freeze([...children]) });
}

/** Any of `children`. @example or([eq('status', 'won'), eq('status', 'lost')]) */
export function or<F extends string>(children: readonly FilterNode<F>[]): OrNode<F> {
  return Object.freeze({ kind: 'or', children: Object.freeze([...children]) });
}

/** Negation. @example not(exists('gclid', true)) */
export function not<F extends string>(child: FilterNode<F>): NotNode<F> {
  return Object.freeze({ kind: 'not', child });
}

/**
 * At least one related row of `relation` matches `filter` (over the related
 * resource's fields); `not(some(…))` is "none does".
 * @example some('tags', eq('name', 'vip'))
 */
export function some(relation: string, filter: FilterNode): SomeNode {
  return Object.freeze({ kind: 'some', relation, filter });
}
