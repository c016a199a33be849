/**
 * Relations between resources: how they are declared in `defineResource`
 * and what a declaration becomes once checked. See `docs/relations.md`.
 */
import type { FilterNode } from '../ast/index.js';
import type { Field, Resource } from './types.js';

/** The kinds of relation: one related row at most, many by a foreign key, many through a join table. */
export const RELATION_TYPES = ['toOne', 'toMany', 'manyToMany'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Most related rows one embedded to-many relation returns per row, unless `embedLimit` says otherwise. */
export const DEFAULT_EMBED_LIMIT = 20;
/** The largest `embedLimit` a relation may set: an embed is a preview, not a second list endpoint. */
export const MAX_EMBED_LIMIT = 1_000;

/** What every kind of relation may declare. */
interface RelationDefinitionBase<T extends Resource> {
  /** The related resource. Its own definition says which fields exist and what each allows. */
  readonly resource: T;
  /**
   * Where the related rows are stored: the SQL table (or `schema.table`), the
   * MongoDB collection, the key of `related` given to the memory backend.
   * Default: the related resource's name.
   */
  readonly table?: string;
  /**
   * A server-side condition on the related rows, over the related resource's
   * fields (any field, filterable or not): rows it rejects never match a
   * filter, never sort and never embed, and no parameter can remove it.
   * @example where: exists('deletedAt', false)
   */
  readonly where?: FilterNode;
  /** The related fields the URL may filter by; default: every filterable field of the related resource. */
  readonly filterable?: readonly string[];
  /** The related fields `fields=` may embed; default: every selectable field of the related resource. */
  readonly selectable?: readonly string[];
  /**
   * MongoDB and memory: the related rows are stored inside the row itself, at
   * `column` (a sub-document for to-one, an array of sub-documents for
   * to-many), not in a table of their own. SQL backends refuse such a relation.
   */
  readonly embedded?: boolean;
  /** With `embedded`: the key of the row holding the related data. Default: the relation's name. */
  readonly column?: string;
}

/**
 * At most one related row: the one whose `targetKey` equals this row's
 * `localKey` (a null key means none). `lead.label` → `labels`.
 */
export interface ToOneDefinition<T extends Resource = Resource> extends RelationDefinitionBase<T> {
  readonly type: 'toOne';
  /** The field of this resource holding the key (nullable or not). */
  readonly localKey: string;
  /** The related resource's field it refers to. Default: the related resource's id. */
  readonly targetKey?: string;
  /**
   * Set when `targetKey` is not the related resource's id but its values are
   * unique all the same (a unique index): a to-one relation needs a unique key.
   */
  readonly unique?: boolean;
  /** The related fields `sort=` may use; default: every sortable field of the related resource. */
  readonly sortable?: readonly string[];
}

/** Every related row whose `foreignKey` equals this row's `localKey`. `customer.orders`. */
export interface ToManyDefinition<T extends Resource = Resource> extends RelationDefinitionBase<T> {
  readonly type: 'toMany';
  /** The related resource's field that refers to this resource. */
  readonly foreignKey: string;
  /** The field of this resource it refers to. Default: this resource's id. */
  readonly localKey?: string;
  /** Most related rows embedded per row (`fields=orders.total`). Default 20. */
  readonly embedLimit?: number;
}

/** Related rows linked through a join table: `leads ↔ tags` via `lead_tags`. */
export interface ManyToManyDefinition<T extends Resource = Resource>
  extends RelationDefinitionBase<T> {
  readonly type: 'manyToMany';
  /**
   * The join table and its two columns: `sourceColumn` holds this row's
   * `localKey`, `targetColumn` the related row's `targetKey`.
   */
  readonly through: {
    readonly table: string;
    readonly sourceColumn: string;
    readonly targetColumn: string;
  };
  /** The field of this resource the join table refers to. Default: this resource's id. */
  readonly localKey?: string;
  /** The related resource's field the join table refers to. Default: the related resource's id. */
  readonly targetKey?: string;
  /** Most related rows embedded per row (`fields=tags.name`). Default 20. */
  readonly embedLimit?: number;
}

/** A relation as `defineResource` takes it. */
export type RelationDefinition<T extends Resource = Resource> =
  | ToOneDefinition<T>
  | ToManyDefinition<T>
  | ManyToManyDefinition<T>;

/** The relations of a definition, by name. */
export type RelationDefinitions = { readonly [name: string]: RelationDefinition };

/** A join table, as a checked relation holds it. */
export interface JoinTable {
  readonly table: string;
  readonly sourceColumn: string;
  readonly targetColumn: string;
}

/**
 * A relation after `defineResource` has checked it and filled in every
 * default. Related rows of a row `r` are the rows `t` of `table` with
 * `t[targetKey] = r[localKey]` (through `through` for many-to-many; a null
 * key relates nothing), that `where` accepts. A target linked twice through
 * the join table is still one related row.
 */
export interface Relation {
  readonly name: string;
  readonly type: RelationType;
  /** The related resource. */
  readonly target: Resource;
  /** Storage of the related rows (SQL table, collection, key of the memory backend's `related`). */
  readonly table: string;
  /** The key on this resource's side. */
  readonly localKey: Field;
  /** The key on the related resource's side: its id or unique key (to-one, many-to-many), the foreign key (to-many). */
  readonly targetKey: Field;
  /** The join table of a many-to-many relation; null otherwise. */
  readonly through: JoinTable | null;
  /** The server-side condition on related rows, or null. */
  readonly where: FilterNode | null;
  /** Related fields the URL may filter by, by name. */
  readonly filterable: ReadonlyMap<string, Field>;
  /** Related fields the URL may sort by (to-one only; empty for the others), by name. */
  readonly sortable: ReadonlyMap<string, Field>;
  /** Related fields `fields=` may embed, by name. */
  readonly selectable: ReadonlyMap<string, Field>;
  /** Most related rows embedded per row: 1 for to-one. */
  readonly embedLimit: number;
  /** The related data is stored inside the row at {@link column} (MongoDB, memory). */
  readonly embedded: boolean;
  /** With {@link embedded}: the key of the stored row holding the related data (default: the relation's name). API rows always embed under the relation's name. */
  readonly column: string;
  /** Position in the declaration. */
  readonly index: number;
}

/**
 * One `relation.field` path the URL may use, resolved: the relation and the
 * related resource's field (whose `column` is a column of the related rows).
 */
export interface RelationPath {
  readonly path: string;
  readonly relation: Relation;
  readonly field: Field;
}

/** The field names of a resource type. */
type FieldsOf<T> = T extends Resource<infer F> ? F : never;

/**
 * The `relation.field` paths of a set of relation definitions, as a literal
 * union: `'label.name' | 'label.color' | 'tags.name' | …`. For the wide
 * `RelationDefinitions` of a `Resource` whose relations are not known
 * statically it is `never`, so code generic over any resource keeps its
 * field type `F` (paths are then plain strings at run time).
 */
export type RelationPathOf<Rels> = string extends keyof Rels
  ? never
  : {
      [K in keyof Rels & string]: Rels[K] extends RelationDefinition<infer T>
        ? `${K}.${FieldsOf<T>}`
        : never;
    }[keyof Rels & string];
