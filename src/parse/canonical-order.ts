import type { FilterNode } from '../ast/index.js';
import type { Resource } from '../resource/index.js';

const OP_RANK = { eq: 0, gt: 1, gte: 2, lt: 3, lte: 4 } as const;
const LAST = Number.MAX_SAFE_INTEGER;

/**
 * Where a URL-level filter node sits among its siblings: by field (in the
 * resource's declaration order), then operator, with `search` last. Sorting by
 * this key makes every input form (whose key order differs: qs groups
 * `value[gte]` and `value[lte]` under one key) yield the same AST.
 */
export function filterOrderKey(resource: Resource, node: FilterNode): number {
  const fieldRank = (field: string): number => (resource.fields.get(field)?.index ?? -1) * 8;
  switch (node.kind) {
    case 'comparison':
      return fieldRank(node.field) + OP_RANK[node.op];
    case 'in':
      return fieldRank(node.field);
    case 'exists':
      return fieldRank(node.field) + 5;
    default:
      return LAST;
  }
}

/** Returns `nodes` in canonical order (a new array). */
export function canonicalOrder<F extends string>(
  resource: Resource<F>,
  nodes: readonly FilterNode<F>[],
): FilterNode<F>[] {
  // Already in order when there is nothing to compare (most requests have one or two filters).
  if (nodes.length < 2) return nodes.slice();
  return nodes
    .map((node) => ({ node, key: filterOrderKey(resource as Resource, node) }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.node);
}
