/**
 * Relation paths for the client (installed for resources with relations;
 * see `capabilities.ts`): what `label.name` names in a filter, and the
 * paths each relation allows in filters, sort (to-one relations only) and
 * fields.
 */
import type { Resource } from '../resource/types.js';
import type { NameKind, Target } from './capabilities.js';

/** What a filter path names; undefined for a path the resource does not let filters use. */
export function pathTarget(resource: Resource, name: string): Target | undefined {
  const path = resource.paths.get(name);
  const relation = path?.relation;
  const field = relation?.filterable.get(path!.field.name);
  if (relation === undefined || field === undefined) return undefined;
  // The server ranks a relation's fields after the own fields and those of earlier relations.
  let rank = resource.fieldList.length + field.index;
  for (const earlier of resource.relationList.slice(0, relation.index)) {
    rank += earlier.target.fieldList.length;
  }
  return { field, rank, many: relation.type === 'toOne' ? null : relation.name };
}

/** The `relation.field` paths of a kind (a to-many relation's `sortable` is empty). */
export const pathNames = (resource: Resource, kind: NameKind): string[] =>
  resource.relationList.flatMap((r) => [...r[kind].keys()].map((f) => `${r.name}.${f}`));
