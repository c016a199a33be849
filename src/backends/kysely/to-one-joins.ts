/**
 * The LEFT JOINs a query needs: one per to-one relation that its filter,
 * sort or select reads a path of (the count: its filter's only), in
 * declaration order, so the same query structure always gives the same SQL.
 */
import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { FilterNode, ListQuery } from '../../ast/index.js';
import {
  filterRelations,
  type Relation,
  type Resource,
  resolveField,
  selectPlan,
} from '../../resource/index.js';
import { relationWhere } from './compile-filter.js';
import type { Sql, SqlDialect } from './dialect.js';
import { sqlRelation, type ToOneJoin, toOneJoin } from './relation-sql.js';
import { type SqlShape, sqlShape } from './sql-shape.js';

/** The to-one relations `relations` holds, checked for SQL, by declaration order. */
function toOneSorted(relations: Iterable<Relation>): Relation[] {
  const found = new Set<Relation>();
  for (const relation of relations) if (relation.type === 'toOne') found.add(sqlRelation(relation));
  return [...found].sort((a, b) => a.index - b.index);
}

/** The to-one relations the count of `filter` reads (`some` nodes compile to EXISTS, not joins). */
export function filterJoinRelations(resource: Resource, filter: FilterNode): Relation[] {
  return resource.relations.size === 0 ? [] : toOneSorted(filterRelations(resource, filter).paths);
}

/** The to-one relations the page of `query` reads: its filter, sort and embeds. */
export function pageJoinRelations(resource: Resource, query: ListQuery): Relation[] {
  if (resource.relations.size === 0) return [];
  const read = new Set(filterRelations(resource, query.filter).paths);
  for (const key of query.sort) {
    const relation = resolveField(resource, key.field)?.relation;
    if (relation) read.add(relation);
  }
  for (const embed of selectPlan(resource, query.select).embeds) read.add(embed.relation);
  return toOneSorted(read);
}

/** The joins of `relations`, compiled for `table` on `dialect`. */
export function toOneJoins(
  resource: Resource,
  table: string | undefined,
  relations: readonly Relation[],
  dialect: SqlDialect,
): ToOneJoin[] {
  if (relations.length === 0) return [];
  if (table === undefined) {
    throw new Error(
      `listql/kysely: relation '${relations[0]!.name}' needs the root table to qualify columns: pass { table } (runListQuery always does)`,
    );
  }
  return relations.map((relation) =>
    toOneJoin(
      resource,
      table,
      relation,
      dialect,
      relationWhere(resource, table, relation, dialect),
    ),
  );
}

/** Adds the joins to a select. */
export function applyJoins<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  joins: readonly ToOneJoin[],
): SelectQueryBuilder<DB, TB, O> {
  let joined = qb as unknown as SelectQueryBuilder<Record<string, never>, never, O>;
  for (const join of joins) {
    joined = joined.leftJoin(sql`${join.table}`.as(join.alias), (on) =>
      on.on(join.on as Sql<SqlBool>),
    ) as unknown as SelectQueryBuilder<Record<string, never>, never, O>;
  }
  return joined as unknown as SelectQueryBuilder<DB, TB, O>;
}

const NO_JOINS: SqlShape = Object.freeze({ key: '', parameters: Object.freeze([]) });

/**
 * The shape of the joins (their tables, aliases and ON conditions, values
 * taken out) for the shape cache; their bound values precede the where
 * clause's in the compiled SQL. Undefined when it cannot be told safely.
 */
export function joinsShape(joins: readonly ToOneJoin[]): SqlShape | undefined {
  if (joins.length === 0) return NO_JOINS;
  const parts = joins.map((join) => sql`${join.table} as ${sql.id(join.alias)} on ${join.on}`);
  return sqlShape(sql.join(parts, sql` | `).toOperationNode());
}
