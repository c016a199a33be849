import type { Relation } from './relation-types.js';
import type { Field, Resource } from './types.js';

/**
 * A name of a query resolved against its resource: a field of the resource
 * itself (`relation` null), or a `relation.field` path (the related field,
 * whose `column` is a column of the related rows, and its relation).
 */
export interface ResolvedField {
  readonly field: Field;
  readonly relation: Relation | null;
}

const own = new WeakMap<Field, ResolvedField>();

/**
 * Resolves a field name or a `relation.field` path; undefined when the
 * resource has neither. Backends use it for every name an AST holds, so that
 * a path compiles where a field does.
 *
 * @example
 * resolveField(labeledLeads, 'label.name'); // { field: labels' name field, relation: the label relation }
 * resolveField(labeledLeads, 'status'); // { field: the status field, relation: null }
 */
export function resolveField(resource: Resource, name: string): ResolvedField | undefined {
  const field = resource.fields.get(name);
  if (field !== undefined) {
    let resolved = own.get(field);
    if (resolved === undefined) {
      resolved = Object.freeze({ field, relation: null });
      own.set(field, resolved);
    }
    return resolved;
  }
  return resource.paths.get(name);
}

/**
 * The relation called `name`; throws an Error naming the resource's
 * relations when there is none (an AST built by hand with a wrong name).
 *
 * @example
 * relationOf(labeledLeads, 'tags').type; // 'manyToMany'
 */
export function relationOf(resource: Resource, name: string): Relation {
  const relation = resource.relations.get(name);
  if (relation === undefined) {
    const names = [...resource.relations.keys()].join(', ') || 'none';
    throw new Error(`Resource '${resource.name}' has no relation '${name}'. Relations: ${names}`);
  }
  return relation;
}
