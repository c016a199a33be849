import fc from 'fast-check';
import { type AndNode, and, type FilterNode, not, type OrNode, or } from '../ast/index.js';
import type { GroupLimits } from '../resource/index.js';

/** Generated groups nest at most this deep, whatever a resource allows: deeper proves little more. */
const MAX_GENERATED_DEPTH = 4;

function leafCount(node: FilterNode): number {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.reduce((sum, child) => sum + leafCount(child), 0);
    case 'not':
      return leafCount(node.child);
    default:
      return 1;
  }
}

/**
 * The nodes of a boolean group parameter (`and=(…)` or `or=(…)`) within
 * `limits`: items are `leaf`s and nested `or(…)`, `and(…)`, `not(…)` (each a
 * level deeper, the parameter's own parentheses being level 1), at most
 * `maxLeaves` leaves. The text length is the caller's to check, since it
 * depends on how leaves print.
 *
 * @example
 * groupNodeArbitrary('or', grouped.groups!, fc.constant(eq('status', 'won')));
 */
export function groupNodeArbitrary(
  kind: 'and' | 'or',
  limits: GroupLimits,
  leaf: fc.Arbitrary<FilterNode>,
): fc.Arbitrary<AndNode | OrNode> {
  const deepest = Math.min(limits.maxDepth, MAX_GENERATED_DEPTH);
  const items = new Map<number, fc.Arbitrary<FilterNode>>();
  // The arbitrary of one item inside a group at `depth`; built once per depth.
  const itemAt = (depth: number): fc.Arbitrary<FilterNode> => {
    let item = items.get(depth);
    if (item === undefined) {
      item =
        depth >= deepest
          ? leaf
          : fc.oneof(
              { weight: 4, arbitrary: leaf },
              { weight: 1, arbitrary: groupAt('and', depth + 1) },
              { weight: 1, arbitrary: groupAt('or', depth + 1) },
              { weight: 1, arbitrary: itemAt(depth + 1).map((child) => not(child)) },
            );
      items.set(depth, item);
    }
    return item;
  };
  const groupAt = (of: 'and' | 'or', depth: number): fc.Arbitrary<AndNode | OrNode> =>
    fc
      .array(itemAt(depth), { minLength: 1, maxLength: 3 })
      .map((children) => (of === 'and' ? and(children) : or(children)));
  return groupAt(kind, 1).filter((node) => leafCount(node) <= limits.maxLeaves);
}
