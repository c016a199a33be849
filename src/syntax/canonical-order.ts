import type { FilterNode } from '../ast/index.js';
import type { Resource } from '../resource/index.js';

/** Ranks within a field: comparisons, `exists`, `ne`, `nin`, then the text operators. */
const OP_RANK = { eq: 0, gt: 1, gte: 2, lt: 3, lte: 4 } as const;
const EXISTS_RANK = 5;
const NE_RANK = 6;
const NIN_RANK = 7;
const TEXT_RANK = { contains: 8, startsWith: 9, endsWith: 10 } as const;
/** Spacing between fields: more than the highest operator rank. */
const FIELD_STRIDE = 16;
const LAST = Number.MAX_SAFE_INTEGER;

/**
 * Where a URL-level filter node sits among its siblings: by field (in the
 * resource's declaration order), then operator, with `search` last (several
 * `search` nodes, the words of an `all-words` search, keep their order). Sorting by
 * this key makes every input form (whose key order differs: qs groups
 * `value[gte]` and `value[lte]` under one key) yield the same AST.
 */
export function filterOrderKey(resource: Resource, node: FilterNode): number {
  switch (node.kind) {
    case 'comparison':
      return fieldRank(resource, node.field) + OP_RANK[node.op];
    case 'in':
      return fieldRank(resource, node.field);
    case 'exists':
      return fieldRank(resource, node.field) + EXISTS_RANK;
    case 'text':
      return fieldRank(resource, node.field) + TEXT_RANK[node.op];
    case 'not': {
      // `ne` and `nin`, as the parser builds them.
      const child = node.child;
      if (child.kind === 'comparison' && child.op === 'eq') {
        return fieldRank(resource, child.field) + NE_RANK;
      }
      if (child.kind === 'in') return fieldRank(resource, child.field) + NIN_RANK;
      return LAST;
    }
    default:
      return LAST;
  }
}

function fieldRank(resource: Resource, field: string): number {
  return (resource.fields.get(field)?.index ?? -1) * FIELD_STRIDE;
}

/**
 * Returns `nodes` in canonical order (a new array). An insertion sort on
 * precomputed keys: requests have a handful of filters, and it is stable and
 * allocates nothing else.
 */
export function canonicalOrder<F extends string>(
  resource: Resource<F>,
  nodes: readonly FilterNode<F>[],
): FilterNode<F>[] {
  const sorted = nodes.slice();
  if (sorted.length < 2) return sorted;
  const keys = sorted.map((node) => filterOrderKey(resource as Resource, node));
  for (let i = 1; i < sorted.length; i++) {
    const node = sorted[i]!;
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      sorted[j + 1] = sorted[j]!;
      keys[j + 1] = keys[j]!;
      j--;
    }
    sorted[j + 1] = node;
    keys[j + 1] = key;
  }
  return sorted;
}
