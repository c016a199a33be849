import type { FilterNode, FilterNodeKind, SomeNode } from './nodes.js';

/**
 * A handler per node kind. The mapped type makes the compiler reject a visitor
 * that forgets a kind, so a new node kind cannot ship until every backend
 * handles it. `visit` recurses into children with the same visitor.
 *
 * @example
 * const countLeaves: FilterVisitor<string, number> = {
 *   comparison: () => 1, in: () => 1, exists: () => 1, text: () => 1,
 *   foldedComparison: () => 1, search: () => 1, some: () => 1,
 *   and: (n, visit) => n.children.reduce((s, c) => s + visit(c), 0),
 *   or: (n, visit) => n.children.reduce((s, c) => s + visit(c), 0),
 *   not: (n, visit) => visit(n.child),
 * };
 * visitFilter(query.filter, countLeaves);
 */
export type FilterVisitor<F extends string, R> = {
  readonly [K in FilterNodeKind]: (
    node: Extract<FilterNode<F>, { kind: K }>,
    visit: (child: FilterNode<F>) => R,
  ) => R;
};

/** Dispatches `node` to its handler in `visitor`. */
export function visitFilter<F extends string, R>(
  node: FilterNode<F>,
  visitor: FilterVisitor<F, R>,
): R {
  const visit = (child: FilterNode<F>): R => {
    const handler = visitor[child.kind] as (
      node: FilterNode<F>,
      visit: (child: FilterNode<F>) => R,
    ) => R;
    return handler(child, visit);
  };
  return visit(node);
}

/**
 * Calls `field` with every field name the leaves of `node` name (each of a
 * search's fields), through `and`, `or` and `not`; `some` nodes are handed
 * to `some` and not entered, since their condition names the related
 * resource's fields. Built on {@link visitFilter}, so a new node kind must be
 * placed here too.
 *
 * @example
 * const names: string[] = [];
 * forEachFilterField(and([eq('status', 'won'), search(['name', 'email'], 'acme')]), (name) => names.push(name), () => {});
 * // names: ['status', 'name', 'email']
 */
export function forEachFilterField<F extends string>(
  node: FilterNode<F>,
  field: (name: F) => void,
  some: (node: SomeNode) => void,
): void {
  const children = (list: readonly FilterNode<F>[], visit: (child: FilterNode<F>) => void) => {
    for (const child of list) visit(child);
  };
  visitFilter<F, void>(node, {
    comparison: (n) => field(n.field),
    in: (n) => field(n.field),
    exists: (n) => field(n.field),
    text: (n) => field(n.field),
    foldedComparison: (n) => field(n.field),
    search: (n) => {
      for (const name of n.fields) field(name);
    },
    some,
    and: (n, visit) => children(n.children, visit),
    or: (n, visit) => children(n.children, visit),
    not: (n, visit) => visit(n.child),
  });
}
