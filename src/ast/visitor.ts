import type { FilterNode, FilterNodeKind } from './nodes.js';

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
