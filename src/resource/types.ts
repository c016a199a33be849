import type { CountStrategy, FilterOperator, SortKey } from '../ast/index.js';
import type {
  Relation,
  RelationDefinitions,
  RelationPath,
  RelationPathOf,
} from './relation-types.js';

/** The value types a field can have. */
export const FIELD_TYPES = ['string', 'number', 'boolean', 'datetime', 'enum'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * How `search` matches: the whole term as one literal substring
 * (`substring`, the default), or every whitespace-separated word somewhere
 * (`all-words`).
 */
export const SEARCH_MODES = ['substring', 'all-words'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** Most words an `all-words` search may have. */
export const MAX_SEARCH_WORDS = 10;

/** How a field is declared in {@link ResourceDefinition}. Everything but `type` is optional. */
export interface FieldDefinition {
  readonly type: FieldType;
  /** The allowed values of an `enum` field (case-sensitive). */
  readonly values?: readonly string[];
  /** May hold null. Default false. */
  readonly nullable?: boolean;
  /** Filter operators the URL may use on this field. Default: none (not filterable). */
  readonly filter?: readonly FilterOperator[];
  /** Equality accepts a comma list (`status=won,lost`) and repeats take the union. Default false. */
  readonly list?: boolean;
  /** May appear in `sort`. Default false. */
  readonly sortable?: boolean;
  /** Part of the free-text `search`. Default false. */
  readonly searchable?: boolean;
  /**
   * Sort with ASCII letters folded to lower case (`acme` next to `Acme`), ties
   * broken by the exact (binary) value, then the id. Only on sortable string
   * fields. Default false: binary order.
   */
  readonly caseInsensitiveSort?: boolean;
  /** May appear in `fields` and is returned when all fields are. Default true. */
  readonly selectable?: boolean;
  /** Storage name (SQL column, document key). Default: the field name. */
  readonly column?: string;
}

/** Caps on what one request may ask for. Every cap is a 400 when exceeded, never a truncation. */
export interface ResourceLimits {
  /** Largest `limit`. Default 100. */
  readonly maxLimit: number;
  /** Longest value of any parameter, in characters (Unicode code points). Default 1,000. */
  readonly maxValueLength: number;
  /** Longest `search`, in characters (Unicode code points). Default 200. */
  readonly maxSearchLength: number;
  /** Most items in one comma list (after repeats are merged). Default 100. */
  readonly maxListItems: number;
  /** Most parameters in one request (repeats count each time). Default 100. */
  readonly maxParams: number;
}

/**
 * Caps on one boolean group parameter (`or=(…)`, `and=(…)`). Every cap is a
 * 400 when exceeded.
 */
export interface GroupLimits {
  /** Deepest nesting; the parameter's own parentheses are level 1. Default 3, at most 32. */
  readonly maxDepth: number;
  /** Most filters (leaves) in one group parameter. Default 20. */
  readonly maxLeaves: number;
  /** Longest group parameter value, in characters (Unicode code points). Default 2,000. */
  readonly maxLength: number;
}

/** The declaration passed to `defineResource`. */
export interface ResourceDefinition<Fields extends Record<string, FieldDefinition>> {
  /** A name for messages and generated documents, e.g. `leads`. */
  readonly name: string;
  /** The identifier field; always selected and the final sort tie-breaker. Default `id`. */
  readonly id?: keyof Fields & string;
  readonly fields: Fields;
  readonly defaults?: {
    /** Default sort in the URL grammar, e.g. `createdAt:desc`. Default: the id, ascending. */
    readonly sort?: string;
    /** Default page size. Default 50. */
    readonly limit?: number;
    /** Default count strategy when a request has no `count`. Default `exact`. */
    readonly count?: CountStrategy;
  };
  readonly limits?: Partial<ResourceLimits>;
  /** How `search` matches; default `{ mode: 'substring' }`. */
  readonly search?: { readonly mode?: SearchMode };
  /**
   * Boolean groups in the URL: the `or` and `and` parameters
   * (`or=(status=won;value[gte]=100)`). `true` enables them with the default
   * {@link GroupLimits}; an object enables them and sets some limits. Default
   * false: `or` and `and` are unknown parameters.
   */
  readonly groups?: boolean | Partial<GroupLimits>;
  /**
   * Secret that signs keyset cursors (HMAC-SHA256), so a tampered cursor is
   * refused. Without one, cursors are only encoded (and still bound to their
   * sort and filter). Give one in production: `withCursorSecret(resource, secret)`.
   * Required when a field is `sortable` but not `selectable`: cursors of such
   * a sort are encrypted with it (AES-256-GCM), so they never reveal the field.
   */
  readonly cursorSecret?: string;
  /**
   * Related resources, by relation name (see {@link RelationDefinition} and
   * `docs/relations.md`): `label.name=VIP` filters by a to-one relation's
   * field, `tags.name=vip` by "at least one related row", `sort=label.name`
   * sorts by a to-one field, `fields=label.name,tags.name` embeds them.
   */
  readonly relations?: RelationDefinitions;
  readonly aliases?: {
    /** Legacy parameter → current parameter, e.g. `{ updated_after: 'updatedAt[gte]' }`. */
    readonly params?: Readonly<Record<string, string>>;
    /** Legacy sort field → field, e.g. `{ updated_at: 'updatedAt' }`. */
    readonly sortFields?: Readonly<Record<string, keyof Fields & string>>;
  };
}

/** A field after `defineResource` has filled in every default. */
export interface Field<F extends string = string> {
  readonly name: F;
  readonly type: FieldType;
  /** Allowed values for `enum` fields; empty for other types. */
  readonly values: readonly string[];
  readonly nullable: boolean;
  /** Allowed filter operators, in the order of `FILTER_OPERATORS`. */
  readonly operators: readonly FilterOperator[];
  readonly list: boolean;
  readonly sortable: boolean;
  readonly searchable: boolean;
  /** Sorts by its ASCII-folded value first (see `FieldDefinition.caseInsensitiveSort`). */
  readonly caseInsensitiveSort: boolean;
  readonly selectable: boolean;
  readonly column: string;
  /** Position in the declaration, for canonical ordering without searching. */
  readonly index: number;
}

/** A legacy parameter resolved against the resource. */
export interface ParamAlias<F extends string = string> {
  readonly field: F;
  readonly op: FilterOperator;
}

/** The field declarations of a resource with field names `F`. */
export type FieldDefinitions<F extends string = string> = { readonly [K in F]: FieldDefinition };

/**
 * A validated, normalized resource. Lookups by user-supplied names go through
 * `Map`s, so no request can reach `Object.prototype`.
 *
 * `F` is the union of field names; `Defs` keeps the declarations' literal
 * types (operators, enum values, nullability) and `Id` the id field's name,
 * so that `listql/client` can type filters and rows from the resource alone.
 * `Rels` keeps the relation declarations, so `relation.field` paths are
 * types too ({@link PathOf}).
 */
export interface Resource<
  F extends string = string,
  Defs extends FieldDefinitions<F> = FieldDefinitions<F>,
  Id extends F = F,
  Rels extends RelationDefinitions = RelationDefinitions,
> {
  readonly name: string;
  readonly idField: Id;
  /** Every field, in declaration order. */
  readonly fieldList: readonly Field<F>[];
  readonly fields: ReadonlyMap<string, Field<F>>;
  readonly filterable: readonly F[];
  readonly sortable: readonly F[];
  readonly searchable: readonly F[];
  /** How `search` matches. */
  readonly search: { readonly mode: SearchMode };
  readonly selectable: readonly F[];
  readonly defaults: {
    readonly sort: readonly SortKey<F>[];
    readonly limit: number;
    readonly count: CountStrategy;
  };
  /** The limits of the `or` / `and` group parameters, or null when the resource has no groups. */
  readonly groups: GroupLimits | null;
  /** The secret that signs cursors, or null when cursors are unsigned. */
  readonly cursorSecret: string | null;
  readonly limits: ResourceLimits;
  readonly aliases: {
    readonly params: ReadonlyMap<string, ParamAlias<F>>;
    readonly sortFields: ReadonlyMap<string, F>;
  };
  /** Every relation, in declaration order (empty without relations). */
  readonly relationList: readonly Relation[];
  /** The relations by name. */
  readonly relations: ReadonlyMap<string, Relation>;
  /**
   * Every `relation.field` path a request may name (in a filter, `sort` or
   * `fields`), resolved; what each allows is in its relation's `filterable`,
   * `sortable` and `selectable`.
   */
  readonly paths: ReadonlyMap<string, RelationPath>;
  /**
   * The definition this resource was built from, for deriving new resources.
   * (`fields` and `relations` are typed apart so that `Resource` stays covariant in `Defs` and `Rels`.)
   */
  readonly definition: ResourceDefinition<FieldDefinitions<F>> & {
    readonly fields: Defs;
    readonly relations?: Rels;
  };
}

/** The field names of a resource, as a literal union. */
export type FieldOf<R> = R extends Resource<infer F> ? F : never;

/** The `relation.field` paths of a resource, as a literal union (never without relations). */
export type PathOf<R> =
  R extends Resource<string, FieldDefinitions, string, infer Rels> ? RelationPathOf<Rels> : never;

/** Every name a query of the resource may hold: its fields and its relation paths. */
export type QueryFieldOf<R> = FieldOf<R> | PathOf<R>;
