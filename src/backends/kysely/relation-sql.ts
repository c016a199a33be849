/**
 * The SQL pieces of relations that every compiler shares: a relation path's
 * column (a to-one path reads the joined table, aliased after its relation),
 * key equality, the to-one LEFT JOIN and the correlated `EXISTS` of a `some`
 * node. Conditions on related rows (the relation's `where`, a `some` node's
 * filter) are compiled by the one filter compiler, against the related
 * resource and its alias, and handed in here.
 */
import { type SqlBool, sql } from 'kysely';
import { type Field, type Relation, type Resource, resolveField } from '../../resource/index.js';
import { columnSql, fieldOf, isTextField } from './columns.js';
import { type Condition, toSql } from './condition.js';
import type { Sql, SqlDialect } from './dialect.js';
import { relationAliases } from './relation-aliases.js';

/** A name of a query as SQL: the field, its column, and whether it can read null. */
export interface ResolvedColumn {
  readonly field: Field;
  readonly column: Sql;
  /** A to-one path reads null when there is no related row, whatever the related field. */
  readonly nullable: boolean;
  /** The to-one relation a path reads through; null for an own field. */
  readonly relation: Relation | null;
}

/** The relation, or an Error when SQL cannot store it (embedded data has no table). */
export function sqlRelation(relation: Relation): Relation {
  if (relation.embedded) {
    throw new Error(
      `listql/kysely: relation '${relation.name}' is embedded (its rows are stored inside the row, at '${relation.column}'); SQL needs a table: declare it without embedded, with the table of its rows`,
    );
  }
  return relation;
}

/** The root table, which every correlated reference needs; an Error without it. */
export function rootTable(table: string | undefined, relation: Relation): string {
  if (table === undefined) {
    throw new Error(
      `listql/kysely: relation '${relation.name}' needs the root table to qualify columns: pass { table } (runListQuery always does)`,
    );
  }
  return table;
}

/** A table name (`tags` or `crm.tags`), quoted. */
export function tableSql(table: string): Sql {
  return sql.id(...table.split('.'));
}

/**
 * Resolves a name of the query: an own field (qualified with `table`), or a
 * to-one `relation.field` path (the related column under the relation's
 * alias, nullable). A to-many path outside `some`, or a name the resource
 * does not have, is a programmer error and throws.
 *
 * @example
 * resolveColumn(labeledLeads, 'label.name', 'leads').column; // "label"."name"
 */
export function resolveColumn(
  resource: Resource,
  name: string,
  table: string | undefined,
): ResolvedColumn {
  const resolved = resolveField(resource, name);
  if (resolved === undefined || resolved.relation === null) {
    const field = fieldOf(resource, name);
    return { field, column: columnSql(field, table), nullable: field.nullable, relation: null };
  }
  const relation = sqlRelation(resolved.relation);
  if (relation.type !== 'toOne') {
    throw new Error(
      `listql/kysely: '${name}' is a path of the ${relation.type} relation '${relation.name}', which only some('${relation.name}', …) may filter by`,
    );
  }
  const alias = relationAliases(resource, rootTable(table, relation), relation).target;
  return {
    field: resolved.field,
    column: columnSql(resolved.field, alias),
    nullable: true,
    relation,
  };
}

/**
 * `a = b` for two key columns of `field`'s type, exact on text: code point
 * equality, as the memory backend compares keys, written so that an index on
 * either column still serves it (PostgreSQL's deterministic collations and
 * SQLite's BINARY already compare bytes; MySQL under a non-binary collation
 * tests the collation first, then the bytes).
 */
export function keyEquals(dialect: SqlDialect, field: Field, a: Sql, b: Sql): Sql<SqlBool> {
  if (!isTextField(field) || dialect.name === 'postgres') return sql<SqlBool>`${a} = ${b}`;
  if (dialect.name === 'sqlite') return sql<SqlBool>`${a} = ${b} collate binary`;
  const exact = dialect.codePointText(a);
  return exact === a
    ? sql<SqlBool>`${a} = ${b}`
    : sql<SqlBool>`(${a} = ${b} and ${exact} = ${dialect.codePointText(b)})`;
}

/** The column `column` of the table aliased `alias`. */
function aliased(alias: string, column: string): Sql {
  return sql.id(alias, column);
}

/** One LEFT JOIN of a to-one relation: the table, its alias and the ON condition. */
export interface ToOneJoin {
  readonly relation: Relation;
  readonly table: Sql;
  readonly alias: string;
  readonly on: Sql<SqlBool>;
}

/**
 * The LEFT JOIN of a to-one relation on its keys, the relation's `where`
 * (compiled against the related alias) in the ON condition: a related row it
 * refuses is no related row at all, so every path reads null.
 */
export function toOneJoin(
  resource: Resource,
  table: string,
  relation: Relation,
  dialect: SqlDialect,
  where: Condition,
): ToOneJoin {
  const alias = relationAliases(resource, table, relation).target;
  const keys = keyEquals(
    dialect,
    relation.targetKey,
    aliased(alias, relation.targetKey.column),
    columnSql(relation.localKey, table),
  );
  const on =
    where.kind === 'constant' && where.value ? keys : sql<SqlBool>`${keys} and ${toSql(where)}`;
  return { relation, table: tableSql(relation.table), alias, on };
}

/**
 * `exists (select 1 from <related rows of the root row> where <related>)`:
 * the related rows of the row being filtered (through the join table for a
 * many-to-many relation), correlated by the keys; `related` is the
 * relation's `where` and the `some` node's filter, compiled against the
 * related alias. A null key relates nothing: `=` on null is never true.
 */
export function existsSql(
  resource: Resource,
  table: string,
  relation: Relation,
  dialect: SqlDialect,
  related: Condition,
): Sql<SqlBool> {
  const aliases = relationAliases(resource, table, relation);
  const root = columnSql(relation.localKey, table);
  const target = sql`${tableSql(relation.table)} as ${sql.id(aliases.target)}`;
  const rest = related.kind === 'constant' && related.value ? sql`` : sql` and ${toSql(related)}`;
  const through = relation.through;
  if (through === null) {
    const keys = keyEquals(
      dialect,
      relation.targetKey,
      aliased(aliases.target, relation.targetKey.column),
      root,
    );
    return sql<SqlBool>`exists (select 1 from ${target} where ${keys}${rest})`;
  }
  const link = sql`${tableSql(through.table)} as ${sql.id(aliases.through)}`;
  const linked = keyEquals(
    dialect,
    relation.targetKey,
    aliased(aliases.target, relation.targetKey.column),
    aliased(aliases.through, through.targetColumn),
  );
  const source = keyEquals(
    dialect,
    relation.localKey,
    aliased(aliases.through, through.sourceColumn),
    root,
  );
  return sql<SqlBool>`exists (select 1 from ${link} inner join ${target} on ${linked} where ${source}${rest})`;
}
