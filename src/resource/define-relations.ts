/**
 * Checking relation declarations (`defineResource`'s `relations`) before the
 * resource is built (`build-relations.ts` resolves them, trusting this).
 * A mistake is a programmer error: it throws an Error that names the fix.
 */
import { forEachFilterField } from '../ast/visitor.js';
import { NAME_PATTERN, PROTOTYPE_NAMES } from '../grammar.js';
import {
  MAX_EMBED_LIMIT,
  RELATION_TYPES,
  type RelationDefinition,
  type RelationDefinitions,
} from './relation-types.js';
import type { Field, FieldDefinition, Resource } from './types.js';

/** `schema.table` or `table`, each part a plain name: it reaches SQL as an identifier. */
const TABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63})?$/;

type Fail = (message: string) => never;

function checkName(fail: Fail, what: string, name: unknown, pattern: RegExp): string {
  if (typeof name !== 'string' || !pattern.test(name) || PROTOTYPE_NAMES.has(name)) {
    fail(
      `${what} '${String(name)}' must match ${pattern} and not be __proto__, constructor or prototype`,
    );
  }
  return name;
}

/** A key field as the checks need it: its name and type. */
interface KeyField {
  readonly name: string;
  readonly type: FieldDefinition['type'];
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

/** A field of the resource being defined, from its declaration. */
function ownFieldOf(
  fail: Fail,
  resourceName: string,
  fields: Readonly<Record<string, FieldDefinition>>,
  name: unknown,
  what: string,
): KeyField {
  if (typeof name !== 'string' || !Object.hasOwn(fields, name)) {
    const names = Object.keys(fields).join(', ');
    fail(`${what} '${String(name)}' is not a field of '${resourceName}'. Fields: ${names}`);
  }
  return { name, type: fields[name]!.type };
}

/** The related fields a relation exposes for one capability: a subset of what the target allows. */
function checkExposed(
  fail: Fail,
  target: Resource,
  listed: readonly string[] | undefined,
  allowed: readonly string[],
  what: 'filterable' | 'sortable' | 'selectable',
): void {
  if (listed === undefined) return;
  if (!Array.isArray(listed)) fail(`${what} must be a list of field names of '${target.name}'`);
  for (const name of listed) {
    const field = fieldOf(fail, target, name, what);
    if (!allowed.includes(field.name)) {
      fail(
        `${what}: '${name}' is not ${what} on '${target.name}' itself; a relation may expose ` +
          `fewer fields than its resource, never more (${what} there: ${allowed.join(', ') || 'none'})`,
      );
    }
  }
}

/** The two keys of a relation must compare: the same type on both sides. */
function checkKeyTypes(fail: Fail, local: KeyField, target: KeyField): void {
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
  forEachFilterField(
    where,
    (name) => fieldOf(fail, target, name, 'where: field'),
    () => fail("where: a relation's condition cannot reach a further relation ('some')"),
  );
}

function checkRelation(
  resourceName: string,
  fields: Readonly<Record<string, FieldDefinition>>,
  idName: string,
  name: string,
  def: RelationDefinition,
): void {
  const fail: Fail = (message) => {
    throw new Error(`defineResource('${resourceName}'): relation '${name}': ${message}`);
  };
  checkName(fail, 'a relation name', name, NAME_PATTERN);
  if (Object.hasOwn(fields, name)) {
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
  const localField = (key: string | undefined, what: string): KeyField =>
    ownFieldOf(fail, resourceName, fields, key ?? idName, what);

  let localKey: KeyField;
  let targetKey: KeyField;
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
      checkName(fail, 'through.table', join.table, TABLE_PATTERN);
      checkName(fail, 'through.sourceColumn', join.sourceColumn, NAME_PATTERN);
      checkName(fail, 'through.targetColumn', join.targetColumn, NAME_PATTERN);
      if (join.sourceColumn === join.targetColumn) {
        fail('through.sourceColumn and through.targetColumn must be two different columns');
      }
      break;
    }
  }
  checkKeyTypes(fail, localKey, targetKey);
  checkWhere(fail, target, def.where);

  const toOne = def.type === 'toOne';
  const embedLimit = toOne ? undefined : def.embedLimit;
  if (
    embedLimit !== undefined &&
    (!Number.isSafeInteger(embedLimit) || embedLimit < 1 || embedLimit > MAX_EMBED_LIMIT)
  ) {
    fail(`embedLimit must be an integer in 1..${MAX_EMBED_LIMIT}, got ${String(embedLimit)}`);
  }
  if (!toOne && 'sortable' in def && def.sortable !== undefined) {
    fail('only a to-one relation can be sorted by: a row has many related rows here');
  }
  if (!embedded(def) && def.column !== undefined) fail("'column' is only for embedded relations");
  if (def.embedded !== undefined && typeof def.embedded !== 'boolean')
    fail('embedded must be true or false');
  checkName(fail, 'table', def.table ?? target.name, TABLE_PATTERN);
  checkName(fail, 'column', def.column ?? name, NAME_PATTERN);
  checkExposed(fail, target, def.filterable, target.filterable, 'filterable');
  if (toOne) checkExposed(fail, target, def.sortable, target.sortable, 'sortable');
  checkExposed(fail, target, def.selectable, target.selectable, 'selectable');
}

const embedded = (def: RelationDefinition): boolean => def.embedded === true;

/**
 * Checks `definition.relations` against the resource's own field
 * declarations (already checked) and the related resources (built by
 * `defineResource`, so checked too). Relations reach one level: the related
 * resource's own relations are not paths of this one, which is also why no
 * declaration can make a query walk a cycle (a related resource is defined,
 * and frozen, before the one that refers to it).
 *
 * @example
 * checkRelations('leads', fields, 'id', { label: { type: 'toOne', resource: labels, localKey: 'labelId' } });
 */
export function checkRelations(
  resourceName: string,
  fields: Readonly<Record<string, FieldDefinition>>,
  idName: string,
  definitions: RelationDefinitions | undefined,
): void {
  if (definitions === undefined) return;
  if (typeof definitions !== 'object' || definitions === null) {
    throw new Error(
      `defineResource('${resourceName}'): relations must be an object of relations by name`,
    );
  }
  for (const [name, def] of Object.entries(definitions)) {
    checkRelation(resourceName, fields, idName, name, def);
  }
}
