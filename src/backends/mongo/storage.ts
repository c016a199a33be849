import { NAME_PATTERN } from '../../grammar.js';
import type { Field, Resource } from '../../resource/index.js';

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Options of `compileMongo` and `runMongo`.
 *
 * @example
 * compileMongo(leads, query, { idColumn: 'leadId' }); // MongoDB's own _id stays an ObjectId
 */
export interface MongoCompileOptions {
  /**
   * The document key that holds the resource's id field. Default `'_id'`, so
   * the id is MongoDB's primary key with its unique index. Pass the id field's
   * own column (e.g. `'leadId'`) to keep MongoDB's `_id` (an ObjectId) apart.
   */
  readonly idColumn?: string;
}

/**
 * Where each field of a resource lives in a document: the field's `column`,
 * except the id field, which lives in `idColumn`. Built once per compile so
 * every part of the query agrees on the keys.
 */
export interface MongoStorage<F extends string> {
  readonly resource: Resource<F>;
  readonly idColumn: string;
  /** The field definition of `name`; throws when the resource has no such field. */
  field(name: F): Field<F>;
  /** The document key of `field`. */
  columnOf(field: Field<F>): string;
}

/** A mistake in how the backend is called: a programmer error, so it throws. */
export function fail(message: string): never {
  throw new Error(`compileMongo: ${message}`);
}

/**
 * Resolves storage keys for `resource`. Keys come only from the resource
 * definition (checked against `NAME_PATTERN` there) and from `idColumn`
 * (checked here), so no key can start with `$` or contain `.`.
 *
 * @example
 * const storage = mongoStorage(leads);
 * storage.columnOf(storage.field('id')); // '_id'
 */
export function mongoStorage<F extends string>(
  resource: Resource<F>,
  options?: MongoCompileOptions,
): MongoStorage<F> {
  const idColumn = options?.idColumn ?? '_id';
  if (!NAME_PATTERN.test(idColumn)) {
    fail(`idColumn '${idColumn}' must match ${NAME_PATTERN}`);
  }
  const owners = new Map<string, string>();
  for (const field of resource.fieldList) {
    const column = field.name === resource.idField ? idColumn : field.column;
    // Generated documents are built by assigning keys; `__proto__` would set a prototype instead.
    if (UNSAFE_KEYS.has(column)) fail(`field '${field.name}' maps to the unsafe key '${column}'`);
    const owner = owners.get(column);
    if (owner !== undefined) {
      fail(`fields '${owner}' and '${field.name}' both map to the document key '${column}'`);
    }
    owners.set(column, field.name);
  }
  return {
    resource,
    idColumn,
    field(name) {
      const found = resource.fields.get(name);
      if (!found) fail(`'${name}' is not a field of ${resource.name}`);
      return found;
    },
    columnOf(field) {
      return field.name === resource.idField ? idColumn : field.column;
    },
  };
}
