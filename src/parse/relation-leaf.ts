/**
 * A filter on a related field, as the AST holds it. The parser reads a
 * `relation.field` key like any filter (the related field's operators and
 * value checks, named by its path); then:
 * - on a to-one relation the node stays as read: a leaf on the path, which a
 *   backend resolves to the joined row's column;
 * - on a to-many relation it becomes `some(relation, leaf)`, the leaf naming
 *   the related field itself: "at least one related row matches".
 */
import { type FilterNode, some } from '../ast/index.js';
import type { Relation } from '../resource/index.js';

/** The node with every field named `relation.x` renamed `x` (the nodes `parseFilter` builds). */
function unprefixed(node: FilterNode, prefix: string): FilterNode {
  switch (node.kind) {
    case 'comparison':
    case 'in':
    case 'exists':
    case 'text':
    case 'foldedComparison':
      return Object.freeze({ ...node, field: node.field.slice(prefix.length) });
    case 'not':
      return Object.freeze({ ...node, child: unprefixed(node.child, prefix) });
    case 'and':
    case 'or':
      return Object.freeze({ ...node, children: node.children.map((c) => unprefixed(c, prefix)) });
    default:
      // parseFilter builds none of the others from one parameter.
      return node;
  }
}

/**
 * The AST form of a filter read from a `relation.field` key (see above); the
 * node itself for the resource's own fields (`relation` null).
 *
 * @example
 * relationLeaf(eq('tags.name', 'vip'), tagsRelation); // some('tags', eq('name', 'vip'))
 * relationLeaf(eq('label.name', 'VIP'), labelRelation); // eq('label.name', 'VIP')
 */
export function relationLeaf(node: FilterNode, relation: Relation | null): FilterNode {
  if (relation === null || relation.type === 'toOne') return node;
  return some(relation.name, unprefixed(node, `${relation.name}.`));
}
