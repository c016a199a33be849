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
    case 'some': {
      // A to-many filter, as the parser builds it: after the own fields, by relation, then as on the related resource.
      const relation = resource.relations.get(node.relation);
      if (relation === undefined) return LAST;
      const key = filterOrderKey(relation.target, node.filter);
      return key === LAST ? LAST : relationBase(resource, relation.index) + key;
    }
    default:
      return LAST;
  }
}

/** Where the fields of the relation at `index` start: after the own fields and those of earlier relations. */
function relationBase(resource: Resource, index: number): number {
  let base = resource.fieldList.length;
  for (const relation of resource.relationList) {
    if (relation.index === index) break;
    base += relation.target.fieldList.length;
  }
  return base * FIELD_STRIDE;
}

function fieldRank(resource: Resource, field: string): number {
  const own = resource.fields.get(field);
  if (own !== undefined) return own.index * FIELD_STRIDE;
  // A to-one `relation.field` leaf ranks like that field of the relation.
  const path = resource.paths.get(field);
  if (path === undefined) return -FIELD_STRIDE;
  return relationBase(resource, path.relation.index) + path.field.index * FIELD_STRIDE;
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
