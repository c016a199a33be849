/**
 * Types derived from a resource definition: which filters, sort keys and
 * fields a request may name, and what a row looks like. Everything comes from
 * the literal types `defineResource` keeps (`Resource<F, Defs, Id>`), so a
 * new operator in a field's `filter` list or a new field reaches the client's
 * types with no edit here.
 */
import type { CountStrategy, FilterOperator, SortDirection } from '../ast/index.js';
import type { Resource } from '../resource/index.js';

/** Any resource, whatever its fields. */
export type AnyResource = Resource;

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
  readonly [K in FilterableField<R>]?: FieldFilter<Def<R, K>>;
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

/** One sort key: a field (ascending) or `[field, direction]`. @example const key: SortParam<typeof leads> = ['value', 'desc']; */
export type SortParam<R extends AnyResource> =
  | SortableField<R>
  | readonly [SortableField<R>, SortDirection];

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
  /** The fields to return; the id always comes back. */
  readonly fields?: readonly SelectableField<R>[];
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

/**
 * The row type of `R` with the fields `S` (and always the id); every
 * selectable field when `S` is left out.
 *
 * @example
 * type Lead = Row<typeof leads>; // every field
 * type Named = Row<typeof leads, 'name'>; // { id: string; name: string | null }
 */
export type Row<R extends AnyResource, S extends FieldName<R> = SelectableField<R>> = {
  readonly [K in S | IdField<R>]: RowValue<Def<R, K>>;
};
