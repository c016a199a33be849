/**
 * Which relations a filter tree reads, for the backends that must prepare a
 * relation before a filter can run on it (a JOIN in SQL, a `$lookup` in
 * MongoDB). One walk for all of them, so they agree on what "reads" means.
 */
import type { FilterNode } from '../ast/nodes.js';
import { forEachFilterField } from '../ast/visitor.js';
import type { Relation } from './relation-types.js';
import { resolveField } from './resolve-field.js';
import type { Resource } from './types.js';

/** The relations of a filter: by the paths of its leaves, and by its `some` nodes. */
export interface FilterRelations {
  /** The relations of the `relation.field` leaves outside `some` nodes (to-one, as the parser builds them). */
  readonly paths: ReadonlySet<Relation>;
  /** The relations of the outermost `some` nodes (a `some`'s own filter reads the related resource). */
  readonly some: ReadonlySet<Relation>;
}

/**
 * The relations `filter` reads; empty sets for a resource without relations.
 *
 * @example
 * filterRelations(labeledLeads, and([eq('label.name', 'VIP'), some('tags', eq('name', 'vip'))]));
 * // { paths: Set { label }, some: Set { tags } }
 */
export function filterRelations(resource: Resource, filter: FilterNode): FilterRelations {
  const paths = new Set<Relation>();
  const some = new Set<Relation>();
  if (resource.relationList.length === 0) return { paths, some };
  forEachFilterField(
    filter,
    (name) => {
      const relation = resolveField(resource, name)?.relation;
      if (relation) paths.add(relation);
    },
    (node) => {
      const relation = resource.relations.get(node.relation);
      if (relation) some.add(relation);
    },
  );
  return { paths, some };
}
