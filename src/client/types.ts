/**
 * Types derived from a resource definition: which filters, sort keys and
 * fields a request may name, and what a row looks like. Everything comes from
 * the literal types `defineResource` keeps (`Resource<F, Defs, Id>`), so a
 * new operator in a field's `filter` list or a new field reaches the client's
 * types with no edit here.
 */
import type { CountStrategy, FilterOperator, SortDirection } from '../ast/index.js';
import type { FieldDefinitions, Resource } from '../resource/index.js';

/** Any resource, whatever its fields. */
export type AnyResource = Resource;

/** The relation declarations of `R`, with their literal types (`{}` without relations). @example type Rels = RelationsOf<typeof labeledLeads>; // { label: …; tags: …; notes: … } */
export type RelationsOf<R extends AnyResource> =
  R extends Resource<string, FieldDefinitions, string, infer Rels> ? Rels : never;

/** The relation names of `R` (never without relations). @example type N = RelationName<typeof labeledLeads>; // 'label' | 'tags' | 'notes' */
export type RelationName<R extends AnyResource> = keyof RelationsOf<R> & string;

type RelationDef<R extends AnyResource, K extends RelationName<R>> = RelationsOf<R>[K];

/** The related resource of relation `K` of `R`. @example type Labels = RelationTarget<typeof labeledLeads, 'label'>; // typeof labels */
export type RelationTarget<R extends AnyResource, K extends RelationName<R>> =
  RelationDef<R, K> extends { readonly resource: infer T extends AnyResource } ? T : never;

/** A relation's own list (`filterable`, `sortable`, `selectable`) narrows what the target allows; never widens. */
type Exposed<D, List extends string, Allowed extends string> = D extends {
  readonly [L in List]: readonly (infer N)[];
}
  ? N & Allowed
  : Allowed;

/** True for a to-one relation (the only kind whose fields sort). */
type IsToOne<R extends AnyResource, K extends RelationName<R>> =
  RelationDef<R, K> extends { readonly type: 'toOne' } ? true : false;

/** The field declarations of `R`, with their literal types. */
export type DefinitionsOf<R extends AnyResource> =
  R extends Resource<string, infer Defs, string> ? Defs : never;

/** The field names of `R`. */
export type FieldName<R extends AnyResource> = keyof DefinitionsOf<R> & string;

/** The name of `R`'s id field. */
export type IdField<R extends AnyResource> = R['idField'];

type Def<R extends AnyResource, K extends FieldName<R>> = DefinitionsOf<R>[K];

/** The operators a declaration allows (none when it has no `filter`). */
export type OperatorsOf<D> = D extends { readonly filter: readonly (infer O)[] }
  ? O & FilterOperator
  : never;

/** Fields that take at least one filter operator. @example type F = FilterableField<typeof leads>; // 'status' | 'value' | … */
export type FilterableField<R extends AnyResource> = {
  [K in FieldName<R>]: [OperatorsOf<Def<R, K>>] extends [never] ? never : K;
}[FieldName<R>];

/** Fields that may appear in `sort`. @example type S = SortableField<typeof leads>; // 'name' | 'email' | 'status' | … */
export type SortableField<R extends AnyResource> = {
  [K in FieldName<R>]: Def<R, K> extends { readonly sortable: true } ? K : never;
}[FieldName<R>];

/** Fields that may appear in `fields` (the id always may). @example type S = SelectableField<typeof leads>; */
export type SelectableField<R extends AnyResource> = {
  [K in FieldName<R>]: Def<R, K> extends { readonly selectable: false } ? never : K;
}[FieldName<R>];

/**
 * The `relation.field` paths `R` may filter by: every filterable field of
 * each related resource that its relation exposes.
 *
 * @example type P = FilterablePath<typeof labeledLeads>; // 'label.name' | 'tags.name' | …
 */
export type FilterablePath<R extends AnyResource> = {
  [K in RelationName<R>]: `${K}.${Exposed<RelationDef<R, K>, 'filterable', FilterableField<RelationTarget<R, K>>>}`;
}[RelationName<R>];

/** The `relation.field` paths `R` may sort by: fields of to-one relations only. @example type P = SortablePath<typeof labeledLeads>; // 'label.name' | … */
export type SortablePath<R extends AnyResource> = {
  [K in RelationName<R>]: IsToOne<R, K> extends true
    ? `${K}.${Exposed<RelationDef<R, K>, 'sortable', SortableField<RelationTarget<R, K>>>}`
    : never;
}[RelationName<R>];

/** The `relation.field` paths `fields` may embed. @example type P = SelectablePath<typeof labeledLeads>; // 'label.name' | 'tags.name' | … */
export type SelectablePath<R extends AnyResource> = {
  [K in RelationName<R>]: `${K}.${Exposed<RelationDef<R, K>, 'selectable', SelectableField<RelationTarget<R, K>>>}`;
}[RelationName<R>];

/** Every name `fields` may hold: selectable fields and embeddable paths. @example const f: SelectName<typeof labeledLeads> = 'label.name'; */
export type SelectName<R extends AnyResource> = SelectableField<R> | SelectablePath<R>;

/** Every name a row type may be narrowed to: the fields of `R` and its selectable paths. @example type Row1 = Row<typeof labeledLeads, QueryName<typeof labeledLeads> & ('name' | 'tags.name')>; */
export type QueryName<R extends AnyResource> = FieldName<R> | SelectablePath<R>;

/** The declaration behind a field name or a `relation.field` path of `R`. */
type KeyDef<R extends AnyResource, K extends string> =
  K extends FieldName<R>
    ? Def<R, K>
    : K extends `${infer N}.${infer F}`
      ? N extends RelationName<R>
        ? F extends FieldName<RelationTarget<R, N>>
          ? Def<RelationTarget<R, N>, F>
          : never
        : never
      : never;

/** True when `R` declares a searchable field, so that `search` is allowed. */
export type HasSearch<R extends AnyResource> = true extends {
  [K in FieldName<R>]: Def<R, K> extends { readonly searchable: true } ? true : false;
}[FieldName<R>]
  ? true
  : false;

/** One filter value for a declaration: what the URL would carry, as a JavaScript value. */
export type FilterScalar<D> = D extends { readonly type: 'number' }
  ? number
  : D extends { readonly type: 'boolean' }
    ? boolean
    : D extends { readonly type: 'datetime' }
      ? string | Date
      : D extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
        ? V
        : string;

/** Equality: one value, or a list where the field takes lists. */
type EqualityValue<D> =
  | FilterScalar<D>
  | (D extends { readonly list: true } ? readonly FilterScalar<D>[] : never);

/**
 * The value an operator takes: `exists` a boolean, `eq` an equality (a list
 * on list fields), `nin` one value or a list ("none of these"), every other
 * operator (`gt`, `ne`, `contains`, …) one value of the field's type.
 */
export type OperatorValue<D, O> = O extends 'exists'
  ? boolean
  : O extends 'eq'
    ? EqualityValue<D>
    : O extends 'nin'
      ? FilterScalar<D> | readonly FilterScalar<D>[]
      : FilterScalar<D>;

/**
 * The filter of one field: a bare value or list for equality (`status: ['won', 'lost']`),
 * or an object of operators (`value: { gte: 100, lt: 500 }`).
 */
export type FieldFilter<D> =
  | ('eq' extends OperatorsOf<D> ? EqualityValue<D> : never)
  | { readonly [O in OperatorsOf<D>]?: OperatorValue<D, O> };

/**
 * The `filter` of a request: each filterable field at most once, every filter ANDed.
 *
 * @example
 * const filter: FilterParams<typeof leads> = { status: ['won'], value: { gte: 100 } };
 */
export type FilterParams<R extends AnyResource> = {
  readonly [K in FilterableField<R> | FilterablePath<R>]?: FieldFilter<KeyDef<R, K>>;
};

/**
 * One condition of a boolean group: filters on fields (all of them must
 * hold, like `and(…)`), or a nested `or`, `and` or `not`.
 *
 * @example
 * const c: GroupCondition<typeof grouped> = { or: [{ status: 'won' }, { not: { value: { lt: 10 } } }] };
 */
export type GroupCondition<R extends AnyResource> =
  | FilterParams<R>
  | { readonly or: readonly GroupCondition<R>[] }
  | { readonly and: readonly GroupCondition<R>[] }
  | { readonly not: GroupCondition<R> };

/** One sort key: a field or a to-one path (ascending), or `[name, direction]`. @example const key: SortParam<typeof leads> = ['value', 'desc']; */
export type SortParam<R extends AnyResource> =
  | SortableField<R>
  | SortablePath<R>
  | readonly [SortableField<R> | SortablePath<R>, SortDirection];

/**
 * A list request described as data, typed by the resource: what `listUrl`
 * prints, `fetchList` sends and a table keeps in the address bar.
 *
 * @example
 * const params: ListParams<typeof leads> = {
 *   filter: { status: ['won', 'lost'], value: { gte: 100 } },
 *   sort: [['value', 'desc']],
 *   fields: ['id', 'name'],
 *   limit: 20,
 * };
 */
export interface ListParams<R extends AnyResource> {
  readonly filter?: FilterParams<R>;
  /**
   * `or=(…)`: at least one of these conditions holds (ANDed with the other
   * filters). Only on resources with `groups`.
   */
  readonly or?: readonly GroupCondition<R>[];
  /** `and=(…)`: every one of these conditions holds. Only on resources with `groups`. */
  readonly and?: readonly GroupCondition<R>[];
  /** Free-text search over the searchable fields (only where the resource has some). */
  readonly search?: HasSearch<R> extends true ? string : never;
  /** Sort keys in order; the id tie-breaker is added by the server. */
  readonly sort?: readonly SortParam<R>[];
  /** The fields to return, and `relation.field` paths to embed; the id always comes back. */
  readonly fields?: readonly SelectName<R>[];
  readonly limit?: number;
  /** A 1-indexed page number (offset pagination). */
  readonly page?: number;
  /** The `nextCursor` of the previous page (keyset pagination); not with `page`. */
  readonly after?: string;
  /** How the server counts `total`. */
  readonly count?: CountStrategy;
}

/** The value of one field in a row: dates as ISO strings, `null` where the field is nullable. */
export type RowValue<D> =
  | (D extends { readonly type: 'number' }
      ? number
      : D extends { readonly type: 'boolean' }
        ? boolean
        : D extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
          ? V
          : string)
  | (D extends { readonly nullable: true } ? null : never);

/** The relations `S` embeds: the `relation` of each `relation.field` it holds. */
type EmbedName<S> = S extends `${infer N}.${string}` ? N : never;

/** The related fields `S` embeds from relation `K`. */
type EmbedFields<S, K extends string> = S extends `${K}.${infer F}` ? F : never;

/** One embedded related row: the selected fields of the related resource, typed like a row's. */
type EmbeddedRow<T extends AnyResource, F> = {
  readonly [P in F & FieldName<T>]: RowValue<Def<T, P>>;
};

/** An embed: an object or null for to-one, an array for to-many and many-to-many. */
type EmbedValue<R extends AnyResource, K extends RelationName<R>, S> =
  IsToOne<R, K> extends true
    ? EmbeddedRow<RelationTarget<R, K>, EmbedFields<S, K>> | null
    : readonly EmbeddedRow<RelationTarget<R, K>, EmbedFields<S, K>>[];

/** The `'<relation>@more'` keys beside the to-many embeds of `S`. */
type MoreKey<R extends AnyResource, S> = {
  [K in EmbedName<S> & RelationName<R>]: IsToOne<R, K> extends true ? never : `${K}@more`;
}[EmbedName<S> & RelationName<R>];

type RowKey<R extends AnyResource, S> =
  | (S & FieldName<R>)
  | IdField<R>
  | (EmbedName<S> & RelationName<R>)
  | MoreKey<R, S>;

/**
 * The row type of `R` with the fields `S` (and always the id); every
 * selectable field when `S` is left out. Each `relation.field` in `S` embeds
 * the relation under its name: `{ … } | null` for to-one, an array for
 * to-many with `'<relation>@more': boolean` beside it (more related rows
 * exist than the array holds).
 *
 * @example
 * type Lead = Row<typeof leads>; // every field
 * type Named = Row<typeof leads, 'name'>; // { id: string; name: string | null }
 * type Tagged = Row<typeof labeledLeads, 'label.name' | 'tags.name'>;
 * // { id: string; label: { name: string } | null; tags: { name: string }[]; 'tags@more': boolean }
 */
export type Row<R extends AnyResource, S extends QueryName<R> = SelectableField<R>> = {
  readonly [K in RowKey<R, S>]: K extends FieldName<R>
    ? RowValue<Def<R, K>>
    : K extends `${string}@more`
      ? boolean
      : K extends RelationName<R>
        ? EmbedValue<R, K, S>
        : never;
};
