import type { SelectQueryBuilder } from 'kysely';
import type { ListQuery } from '../../ast/index.js';
import type { Field, Resource } from '../../resource/index.js';
import { fieldOf } from './columns.js';
import { compileFilter, type FilterSqlOptions } from './compile-filter.js';
import { keysetCondition } from './compile-keyset.js';
import { orderItems } from './compile-order.js';
import { embedSelections, selectedFields, selections } from './compile-select.js';
import { allOf, type Condition, toSql } from './condition.js';
import type { ToOneJoin } from './relation-sql.js';
import { applyJoins, filterJoinRelations, pageJoinRelations, toOneJoins } from './to-one-joins.js';

/** Options of {@link applyListQuery} and {@link applyListCount}. */
export type ListQuerySqlOptions = FilterSqlOptions;

/** The raw row a list query selects: API field names, driver values (see `readListRow`). */
export type RawListRow<F extends string> = Partial<Record<F, unknown>>;

/** The page's OFFSET, kept a safe integer (an absurd page is simply past the end); 0 for a keyset page. @internal */
export function pageOffset(query: ListQuery): number {
  if (query.after !== null) return 0;
  return Math.min((query.page.page - 1) * query.page.limit, Number.MAX_SAFE_INTEGER);
}

/**
 * The where condition of `query.filter`, and with `seek` the keyset
 * condition of `query.after`.
 * @internal Shared by the builders below and the shape cache of `runListQuery`.
 */
export function whereCondition<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions,
  seek: boolean,
): Condition {
  const matched = compileFilter(resource, query.filter, options);
  return seek && query.after !== null
    ? allOf([matched, keysetCondition(resource, query.sort, query.after, options)])
    : matched;
}

/** Adds `where`, or nothing for a condition that is always true. */
function applyWhere<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  where: Condition,
): SelectQueryBuilder<DB, TB, O> {
  if (where.kind === 'constant' && where.value) return qb;
  return qb.where(toSql(where));
}

/**
 * ORDER BY resolves a bare name to a select alias before a column (SQL-92 in
 * PostgreSQL and SQLite, always in MySQL). If a sort column is also the API
 * name of another selected field stored elsewhere (field `a` in column `b`,
 * field `b` in column `a`), the sort would read the wrong column: refuse, and
 * ask for `table`, which qualifies every column.
 */
function checkOrderNames<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  selected: readonly Field<F>[],
  table: string | undefined,
): void {
  if (table !== undefined) return;
  const byAlias = new Map<string, Field<F>>(selected.map((field) => [field.name, field]));
  for (const key of query.sort) {
    if (!resource.fields.has(key.field)) continue; // a path: relations need `table`
    const field = fieldOf(resource, key.field);
    const shadow = byAlias.get(field.column);
    if (shadow !== undefined && shadow.column !== field.column) {
      throw new Error(
        `listql/kysely: sorting by '${field.name}' (column ${field.column}) while field ` +
          `'${shadow.name}' (column ${shadow.column}) is selected as ${field.column}: ORDER BY ` +
          'would read the selection; pass { table } so columns are qualified',
      );
    }
  }
}

/**
 * The to-one joins of the page of `query`. @internal For the shape cache.
 */
export function pageJoins<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions,
): ToOneJoin[] {
  return toOneJoins(
    resource,
    options.table,
    pageJoinRelations(resource, query as ListQuery),
    options.dialect,
  );
}

/**
 * The to-one joins the count of `query` needs: its filter's only.
 * @internal For the shape cache.
 */
export function countJoins<F extends string>(
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions,
): ToOneJoin[] {
  return toOneJoins(
    resource,
    options.table,
    filterJoinRelations(resource, query.filter),
    options.dialect,
  );
}

/**
 * Adds a list query to a Kysely select: the where clause (every filter node
 * kind), the select list (storage columns under API field names), the order
 * (nulls last, strings by code point, the id tie-breaker) and limit/offset,
 * or for a keyset page (`query.after`) the condition "after that position"
 * and no offset.
 * Every value is a bound parameter; identifiers come from the resource only.
 * Turn the rows into API rows with `readListRow`. A to-one relation the
 * query reads (`label.name=VIP`, `sort=label.priority`, an embed) is a LEFT
 * JOIN, a to-many filter an `EXISTS`; with relations, pass `table`.
 *
 * @example
 * const query = parseListQuery(leads, 'status=won,lost&value[gte]=100');
 * const rows = await applyListQuery(db.selectFrom('leads'), leads, query, {
 *   dialect: sqlDialectOf(db),
 * }).execute();
 */
export function applyListQuery<DB, TB extends keyof DB, O, F extends string, Q extends string = F>(
  qb: SelectQueryBuilder<DB, TB, O>,
  resource: Resource<F>,
  // Its own type: a parsed query also names the resource's relation paths (`label.name`).
  query: ListQuery<Q>,
  options: ListQuerySqlOptions,
): SelectQueryBuilder<DB, TB, O & RawListRow<F>> {
  const own = query as unknown as ListQuery<F>;
  return buildListQuery(
    qb,
    resource,
    own,
    options,
    whereCondition(resource, own, options, true),
    pageJoins(resource, own, options),
  );
}

/**
 * {@link applyListQuery} with its where condition already compiled.
 * @internal For the shape cache of `runListQuery`.
 */
export function buildListQuery<DB, TB extends keyof DB, O, F extends string>(
  qb: SelectQueryBuilder<DB, TB, O>,
  resource: Resource<F>,
  query: ListQuery<F>,
  options: ListQuerySqlOptions,
  where: Condition,
  joins: readonly ToOneJoin[],
): SelectQueryBuilder<DB, TB, O & RawListRow<F>> {
  const fields = selectedFields(resource, query.select);
  checkOrderNames(resource, query, fields, options.table);
  let built = applyWhere(applyJoins(qb, joins), where).select([
    ...selections(fields, query, options.dialect, options.table),
    ...embedSelections(resource, query, options.dialect, options.table),
  ]) as unknown as SelectQueryBuilder<DB, TB, O & RawListRow<F>>;
  for (const item of orderItems(resource, query.sort, options.dialect, options.table)) {
    built = built.orderBy(item.expression, (ob) => {
      const directed = item.direction === 'desc' ? ob.desc() : ob.asc();
      return item.nullsLast ? directed.nullsLast() : directed;
    });
  }
  return built.limit(query.page.limit).offset(pageOffset(query));
}

/**
 * The count query for `total`: the filter's where clause (never the keyset
 * condition: `total` counts every match), `count(*) as total`, no order and
 * no page. Drivers return the count as a number, a string
 * (pg's bigint) or a bigint; `Number(row.total)` reads all three.
 *
 * @example
 * const { total } = await applyListCount(db.selectFrom('leads'), leads, query, {
 *   dialect: sqlDialectOf(db),
 * }).executeTakeFirstOrThrow();
 */
export function applyListCount<DB, TB extends keyof DB, O, F extends string, Q extends string = F>(
  qb: SelectQueryBuilder<DB, TB, O>,
  resource: Resource<F>,
  query: ListQuery<Q>,
  options: ListQuerySqlOptions,
): SelectQueryBuilder<DB, TB, { total: number | string | bigint }> {
  const own = query as unknown as ListQuery<F>;
  return buildListCount(
    qb,
    whereCondition(resource, own, options, false),
    countJoins(resource, own, options),
  );
}

/**
 * {@link applyListCount} with its where condition already compiled.
 * @internal For the shape cache of `runListQuery`.
 */
export function buildListCount<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  where: Condition,
  joins: readonly ToOneJoin[],
): SelectQueryBuilder<DB, TB, { total: number | string | bigint }> {
  return applyWhere(applyJoins(qb, joins), where).select((eb) =>
    eb.fn.countAll<number | string | bigint>().as('total'),
  ) as unknown as SelectQueryBuilder<DB, TB, { total: number | string | bigint }>;
}
