import { NAME_PATTERN, PROTOTYPE_NAMES } from '../../grammar.js';
import type { Field, Relation, Resource } from '../../resource/index.js';
import { resolveField } from '../../resource/resolve-field.js';

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
   * Related documents (looked up or embedded) always hold their id in `_id`.
   */
  readonly idColumn?: string;
}

/** A name of a query resolved to where its value sits in a pipeline document. */
export interface MongoLeaf<F extends string = string> {
  /** The field: the resource's own, or the related field of a to-one path. */
  readonly field: Field<F>;
  /** The document key (dotted for a to-one path: `listql-rel-label.name`). */
  readonly key: string;
  /** A key without `.` naming the value in computed keys (sort flags): the column, or `label@name`. */
  readonly tag: string;
  /** Whether the value can be null: a nullable field, or any to-one path (no related row). */
  readonly nullable: boolean;
  /** The to-one relation of a path; null for an own field. */
  readonly relation: Relation | null;
}

/**
 * Where each field of a resource lives in a document: the field's `column`,
 * except the id field, which lives in `idColumn`. Built once per compile so
 * every part of the query agrees on the keys.
 */
export interface MongoStorage<F extends string> {
  readonly resource: Resource<F>;
  readonly idColumn: string;
  /**
   * True for the storage of related documents tested inside `$elemMatch`,
   * where `$expr` is not allowed; false at the top level of a `$match`.
   */
  readonly element: boolean;
  /** The field definition of `name` (own field or to-one path); throws when there is none. */
  field(name: F): Field<F>;
  /** The document key of an own `field`. */
  columnOf(field: Field<F>): string;
  /** `name` (own field or to-one path) resolved; throws for a to-many path or an unknown name. */
  leaf(name: F): MongoLeaf<F>;
  /** The key holding `relation`'s related documents in the pipeline (an array, or one sub-document for to-one). */
  relationKey(relation: Relation): string;
  /**
   * The storage of `relation`'s related documents, their own fields only
   * (relations reach one level): as documents of their own (`'document'`,
   * in a lookup's pipeline), as elements inside `$elemMatch` (`'element'`), or
   * as the to-one sub-document of this one (`'prefixed'`: keys are
   * `<relationKey>.<column>`).
   */
  target(relation: Relation, mode: TargetMode): MongoStorage<string>;
}

/** How a related resource's documents are addressed; see {@link MongoStorage.target}. */
export type TargetMode = 'document' | 'element' | 'prefixed';

/** A mistake in how the backend is called: a programmer error, so it throws. */
export function fail(message: string): never {
  throw new Error(`compileMongo: ${message}`);
}

/**
 * Whether `relation`'s related documents must be brought into the pipeline by
 * a `$lookup`: always for a referenced collection; for an embedded relation
 * only when its `where` must first drop documents (a query document cannot
 * filter an array in place).
 */
export function needsLookup(relation: Relation): boolean {
  return !relation.embedded || relation.where !== null;
}

/**
 * The key of a relation's related documents: the computed
 * `listql-rel-<name>` (its `-` keeps it apart from every column), or, for an
 * embedded relation without `where`, the stored key itself.
 *
 * @example
 * relationKey(relationOf(labeledLeads, 'label')); // 'listql-rel-label'
 */
export function relationKey(relation: Relation): string {
  return needsLookup(relation) ? `listql-rel-${relation.name}` : relation.column;
}

function columns<F extends string>(resource: Resource<F>, idColumn: string): void {
  const owners = new Map<string, string>();
  for (const field of resource.fieldList) {
    const column = field.name === resource.idField ? idColumn : field.column;
    // Generated documents are built by assigning keys; `__proto__` would set a prototype instead.
    if (PROTOTYPE_NAMES.has(column))
      fail(`field '${field.name}' maps to the unsafe key '${column}'`);
    const owner = owners.get(column);
    if (owner !== undefined) {
      fail(`fields '${owner}' and '${field.name}' both map to the document key '${column}'`);
    }
    owners.set(column, field.name);
  }
}

function build<F extends string>(
  resource: Resource<F>,
  idColumn: string,
  element: boolean,
  prefix: string | null,
  followRelations: boolean,
): MongoStorage<F> {
  columns(resource, idColumn);
  const at = prefix === null ? '' : `${prefix}.`;
  const columnOf = (field: Field<F>): string =>
    at + (field.name === resource.idField ? idColumn : field.column);
  const targets = new Map<string, MongoStorage<string>>();
  const storage: MongoStorage<F> = {
    resource,
    idColumn,
    element,
    field(name) {
      return storage.leaf(name).field;
    },
    columnOf,
    leaf(name) {
      const own = resource.fields.get(name);
      if (own !== undefined) {
        const key = columnOf(own);
        return { field: own, key, tag: key, nullable: own.nullable, relation: null };
      }
      const resolved = followRelations ? resolveField(resource, name) : undefined;
      if (resolved === undefined || resolved.relation === null) {
        fail(`'${name}' is not a field of ${resource.name}`);
      }
      const { relation } = resolved;
      if (relation.type !== 'toOne') {
        fail(`'${name}' is a path of the to-many relation '${relation.name}': use some()`);
      }
      const field = resolved.field as Field<F>;
      const column = storage.target(relation, 'document').columnOf(field);
      return {
        field,
        key: storage.target(relation, 'prefixed').columnOf(field),
        tag: `${relation.name}@${column}`,
        nullable: true,
        relation,
      };
    },
    relationKey(relation) {
      if (!followRelations || resource.relations.get(relation.name) !== relation) {
        fail(`'${relation.name}' is not a relation of ${resource.name}`);
      }
      return relationKey(relation);
    },
    target(relation, mode) {
      const cacheKey = `${relation.name}:${mode}`;
      let found = targets.get(cacheKey);
      if (found === undefined) {
        const key = storage.relationKey(relation);
        found = build(
          relation.target,
          '_id',
          mode === 'element',
          mode === 'prefixed' ? key : null,
          false,
        );
        targets.set(cacheKey, found);
      }
      return found;
    },
  };
  return storage;
}

/**
 * Resolves storage keys for `resource`. Keys come only from the resource
 * definition (checked against `NAME_PATTERN` there) and from `idColumn`
 * (checked here), so no key can start with `$` or contain `.` (to-one paths
 * join two such keys with a `.`, on purpose).
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
  return build(resource, idColumn, false, null, true);
}
