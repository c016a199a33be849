/**
 * Checking relation declarations (`defineResource`'s `relations`) and
 * resolving them into {@link Relation}s and their `relation.field` paths.
 * A mistake is a programmer error: it throws an Error that names the fix.
 */
import { visitFilter } from '../ast/visitor.js';
import { NAME_PATTERN } from '../grammar.js';
import {
  DEFAULT_EMBED_LIMIT,
  MAX_EMBED_LIMIT,
  RELATION_TYPES,
  type Relation,
  type RelationDefinition,
  type RelationDefinitions,
  type RelationPath,
} from './relation-types.js';
import type { Field, Resource } from './types.js';

/** Names that would reach `Object.prototype` when used as object keys. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** `schema.table` or `table`, each part a plain name: it reaches SQL as an identifier. */
const TABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63})?$/;

type Fail = (message: string) => never;

function checkName(fail: Fail, what: string, name: unknown, pattern: RegExp): string {
  if (typeof name !== 'string' || !pattern.test(name) || FORBIDDEN_NAMES.has(name)) {
    fail(
      `${what} '${String(name)}' must match ${pattern} and not be __proto__, constructor or prototype`,
    );
  }
  return name;
}

/** A field of `resource` by name, or a failure listing the fields. */
function fieldOf(fail: Fail, resource: Resource, name: unknown, what: string): Field {
  const field = typeof name === 'string' ? resource.fields.get(name) : undefined;
  if (field === undefined) {
    const names = resource.fieldList.map((f) => f.name).join(', ');
    fail(`${what} '${String(name)}' is not a field of '${resource.name}'. Fields: ${names}`);
  }
  return field;
}

/** The related fields a relation exposes for one capability: a subset of what the target allows. */
function exposed(
  fail: Fail,
  target: Resource,
  listed: readonly string[] | undefined,
  allowed: readonly string[],
  what: 'filterable' | 'sortable' | 'selectable',
): ReadonlyMap<string, Field> {
  const names = listed ?? allowed;
  const fields = new Map<string, Field>();
  for (const name of names) {
    const field = fieldOf(fail, target, name, what);
    if (!allowed.includes(field.name)) {
      fail(
        `${what}: '${name}' is not ${what} on '${target.name}' itself; a relation may expose ` +
          `fewer fields than its resource, never more (${what} there: ${allowed.join(', ') || 'none'})`,
      );
    }
    fields.set(field.name, field);
  }
  return fields;
}

/** The two keys of a relation must compare: the same type on both sides. */
function checkKeyTypes(fail: Fail, local: Field, target: Field): void {
  if (local.type !== target.type) {
    fail(
      `the keys do not match: '${local.name}' is ${local.type} but '${target.name}' is ${target.type}`,
    );
  }
  if (local.type !== 'string' && local.type !== 'number') {
    fail(`key '${local.name}' must be a string or number field, not ${local.type}`);
  }
}

/** Every field a server-side `where` names exists on the target (any field: it is not the URL). */
function checkWhere(fail: Fail, target: Resource, where: RelationDefinition['where']): void {
  if (where === undefined) return;
  const check = (name: string): undefined => {
    fieldOf(fail, target, name, 'where: field');
    return undefined;
  };
  visitFilter<string, undefined>(where, {
    comparison: (node) => check(node.field),
    in: (node) => check(node.field),
    exists: (node) => check(node.field),
    text: (node) => check(node.field),
    foldedComparison: (node) => check(node.field),
    search: (node) => {
      for (const name of node.fields) check(name);
      return undefined;
    },
    some: () => fail("where: a relation's condition cannot reach a further relation ('some')"),
    and: (node, visit) => {
      for (const child of node.children) visit(child);
      return undefined;
    },
    or: (node, visit) => {
      for (const child of node.children) visit(child);
      return undefined;
    },
    not: (node, visit) => visit(node.child),
  });
}

function normalizeRelation(
  resourceName: string,
  fields: ReadonlyMap<string, Field>,
  idField: Field,
  name: string,
  def: RelationDefinition,
  index: number,
): Relation {
  const fail: Fail = (message) => {
    throw new Error(`defineResource('${resourceName}'): relation '${name}': ${message}`);
  };
  checkName(fail, 'a relation name', name, NAME_PATTERN);
  if (fields.has(name)) {
    fail(`'${name}' is also a field; a relation and a field cannot share a name (rename one)`);
  }
  if (typeof def !== 'object' || def === null) fail('must be an object { type, resource, … }');
  if (!(RELATION_TYPES as readonly string[]).includes(def.type)) {
    fail(`type must be one of ${RELATION_TYPES.join(', ')}, got '${String(def.type)}'`);
  }
  const target = def.resource;
  if (typeof target !== 'object' || target === null || !(target.fields instanceof Map)) {
    fail('resource must be a resource made by defineResource (define the related resource first)');
  }
  const self: Pick<Resource, 'name' | 'fields' | 'fieldList'> = {
    name: resourceName,
    fields,
    fieldList: [...fields.values()],
  };
  const localField = (key: string | undefined, what: string): Field =>
    key === undefined ? idField : fieldOf(fail, self as Resource, key, what);

  let localKey: Field;
  let targetKey: Field;
  let through: Relation['through'] = null;
  switch (def.type) {
    case 'toOne': {
      localKey = localField(def.localKey, 'localKey');
      targetKey =
        def.targetKey === undefined
          ? target.fields.get(target.idField)!
          : fieldOf(fail, target, def.targetKey, 'targetKey');
      // Where it can be checked: the id is unique; any other key must say it is.
      if (targetKey.name !== target.idField && def.unique !== true) {
        fail(
          `targetKey '${targetKey.name}' is not the id of '${target.name}', so it may not be unique ` +
            'and one row could have several: key the relation by the id, or set unique: true ' +
            'when a unique index guarantees it',
        );
      }
      break;
    }
    case 'toMany':
      localKey = localField(def.localKey, 'localKey');
      targetKey = fieldOf(fail, target, def.foreignKey, 'foreignKey');
      break;
    case 'manyToMany': {
      localKey = localField(def.localKey, 'localKey');
      targetKey =
        def.targetKey === undefined
          ? target.fields.get(target.idField)!
          : fieldOf(fail, target, def.targetKey, 'targetKey');
      const join = def.through;
      if (typeof join !== 'object' || join === null) {
        fail('a manyToMany relation needs through: { table, sourceColumn, targetColumn }');
      }
      through = Object.freeze({
        table: checkName(fail, 'through.table', join.table, TABLE_PATTERN),
        sourceColumn: checkName(fail, 'through.sourceColumn', join.sourceColumn, NAME_PATTERN),
        targetColumn: checkName(fail, 'through.targetColumn', join.targetColumn, NAME_PATTERN),
      });
      if (through.sourceColumn === through.targetColumn) {
        fail('through.sourceColumn and through.targetColumn must be two different columns');
      }
      break;
    }
  }
  checkKeyTypes(fail, localKey, targetKey);
  checkWhere(fail, target, def.where);

  const toOne = def.type === 'toOne';
  const embedLimit = toOne ? 1 : (def.embedLimit ?? DEFAULT_EMBED_LIMIT);
  if (
    !toOne &&
    (!Number.isSafeInteger(embedLimit) || embedLimit < 1 || embedLimit > MAX_EMBED_LIMIT)
  ) {
    fail(`embedLimit must be an integer in 1..${MAX_EMBED_LIMIT}, got ${String(embedLimit)}`);
  }
  if (!toOne && 'sortable' in def && def.sortable !== undefined) {
    fail('only a to-one relation can be sorted by: a row has many related rows here');
  }
  const embedded = def.embedded ?? false;
  if (!embedded && def.column !== undefined) fail("'column' is only for embedded relations");
  return Object.freeze({
    name,
    type: def.type,
    target,
    table: checkName(fail, 'table', def.table ?? target.name, TABLE_PATTERN),
    localKey,
    targetKey,
    through,
    where: def.where ?? null,
    filterable: exposed(fail, target, def.filterable, target.filterable, 'filterable'),
    sortable: toOne
      ? exposed(fail, target, def.sortable, target.sortable, 'sortable')
      : new Map<string, Field>(),
    selectable: exposed(fail, target, def.selectable, target.selectable, 'selectable'),
    embedLimit,
    embedded,
    column: checkName(fail, 'column', def.column ?? name, NAME_PATTERN),
    index,
  });
}

/** The checked relations of a definition, and every `relation.field` path they open. */
export interface DefinedRelations {
  readonly relationList: readonly Relation[];
  readonly relations: ReadonlyMap<string, Relation>;
  readonly paths: ReadonlyMap<string, RelationPath>;
}

/**
 * Checks and resolves `definition.relations` against the resource's own
 * fields. Relations reach one level: the related resource's own relations
 * are not paths of this one, which is also why no declaration can form a
 * cycle a query would follow (a related resource is defined, and frozen,
 * before the one that refers to it).
 *
 * @example
 * defineRelations('leads', fields, idField, { label: { type: 'toOne', resource: labels, localKey: 'labelId' } });
 */
export function defineRelations(
  resourceName: string,
  fields: ReadonlyMap<string, Field>,
  idField: Field,
  definitions: RelationDefinitions | undefined,
): DefinedRelations {
  const relationList = Object.entries(definitions ?? {}).map(([name, def], index) =>
    normalizeRelation(resourceName, fields, idField, name, def, index),
  );
  const relations = new Map(relationList.map((relation) => [relation.name, relation]));
  const paths = new Map<string, RelationPath>();
  for (const relation of relationList) {
    for (const field of relation.target.fieldList) {
      const path = `${relation.name}.${field.name}`;
      paths.set(path, Object.freeze({ path, relation, field }));
    }
  }
  return { relationList: Object.freeze(relationList), relations, paths };
}
