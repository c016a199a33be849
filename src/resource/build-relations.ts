/**
 * Resolving relation declarations into {@link Relation}s and their
 * `relation.field` paths, trusting that `defineResource` checked them
 * (`define-relations.ts`): a client bundle that rebuilds an already checked
 * definition carries no checks.
 */
import {
  DEFAULT_EMBED_LIMIT,
  type Relation,
  type RelationDefinition,
  type RelationDefinitions,
  type RelationPath,
} from './relation-types.js';
import type { Field, Resource } from './types.js';

/** The relations of a resource, and every `relation.field` path they open. */
export interface BuiltRelations {
  readonly relationList: readonly Relation[];
  readonly relations: ReadonlyMap<string, Relation>;
  readonly paths: ReadonlyMap<string, RelationPath>;
}

/** The related fields a relation exposes: those listed, or all the target allows. */
function exposed(
  target: Resource,
  listed: readonly string[] | undefined,
  allowed: readonly string[],
): ReadonlyMap<string, Field> {
  const names = listed ?? allowed;
  return new Map(names.map((name) => [name, target.fields.get(name)!]));
}

function buildRelation(
  fields: ReadonlyMap<string, Field>,
  idName: string,
  name: string,
  def: RelationDefinition,
  index: number,
): Relation {
  const target = def.resource;
  const targetId = target.idField;
  const toOne = def.type === 'toOne';
  const localName = def.localKey ?? idName;
  const targetName = def.type === 'toMany' ? def.foreignKey : (def.targetKey ?? targetId);
  return Object.freeze({
    name,
    type: def.type,
    target,
    table: def.table ?? target.name,
    localKey: fields.get(localName)!,
    targetKey: target.fields.get(targetName)!,
    through: def.type === 'manyToMany' ? Object.freeze({ ...def.through }) : null,
    where: def.where ?? null,
    filterable: exposed(target, def.filterable, target.filterable),
    sortable: toOne ? exposed(target, def.sortable, target.sortable) : new Map<string, Field>(),
    selectable: exposed(target, def.selectable, target.selectable),
    embedLimit: toOne ? 1 : (def.embedLimit ?? DEFAULT_EMBED_LIMIT),
    embedded: def.embedded ?? false,
    column: def.column ?? name,
    index,
  });
}

/**
 * The relations of a (checked) definition, resolved against the resource's
 * own fields.
 *
 * @example
 * buildRelations(fields, 'id', { label: { type: 'toOne', resource: labels, localKey: 'labelId' } });
 */
export function buildRelations(
  fields: ReadonlyMap<string, Field>,
  idName: string,
  definitions: RelationDefinitions | undefined,
): BuiltRelations {
  const relationList = Object.freeze(
    Object.entries(definitions ?? {}).map(([name, def], index) =>
      buildRelation(fields, idName, name, def, index),
    ),
  );
  const paths = new Map<string, RelationPath>();
  for (const relation of relationList) {
    for (const field of relation.target.fieldList) {
      const path = `${relation.name}.${field.name}`;
      paths.set(path, Object.freeze({ path, relation, field }));
    }
  }
  return { relationList, relations: new Map(relationList.map((r) => [r.name, r])), paths };
}
