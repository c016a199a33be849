/**
 * The dialect that fits a table and a connection as they really are, read
 * from the database once instead of assumed:
 * - MySQL/MariaDB: when every text column of the resource has a binary NO PAD
 *   collation (as `createTable` makes them), `mysqlBinaryDialect`, which
 *   orders and compares bare columns so their indexes serve; otherwise
 *   `mysqlDialect`, which casts to binary.
 * - SQLite: `sqliteDialect` (a bare LIKE) when the connection's LIKE folds
 *   A–Z only, `sqliteCaseSensitiveLikeDialect` when `case_sensitive_like` is
 *   on, and an error when LIKE folds more (the ICU extension).
 * - PostgreSQL: `postgresDialect` (listql spells `collate "C"` itself).
 */
import { type Kysely, sql } from 'kysely';
import type { Resource } from '../../resource/index.js';
import { isTextField } from './columns.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialectOf } from './dialects/detect.js';
import { mysqlDialect } from './dialects/mysql.js';
import { mysqlBinaryDialect } from './dialects/mysql-binary.js';
import { sqliteCaseSensitiveLikeDialect, sqliteDialect } from './dialects/sqlite.js';

/** Options of {@link detectSqlDialect}. */
export interface DetectSqlDialectOptions {
  /** The table (or `schema.table`) holding the resource's rows. */
  readonly table: string;
}

/**
 * The collations whose order and equality are code point order with no
 * padding: MariaDB's `utf8mb4_nopad_bin`, MySQL 8's `utf8mb4_0900_bin`, and
 * binary strings. `utf8mb4_bin` pads (`'a' = 'a '`), so it is not one of them.
 */
const CODE_POINT_COLLATIONS: ReadonlySet<string> = new Set([
  'utf8mb4_nopad_bin',
  'utf8mb4_0900_bin',
  'binary',
]);

/** True when every text column of `resource` in `table` has a code point collation. */
async function mysqlColumnsAreBinary<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  table: string,
): Promise<boolean> {
  const parts = table.split('.');
  const name = parts.at(-1)!;
  const schema = parts.length > 1 ? sql`${parts.slice(0, -1).join('.')}` : sql`database()`;
  const { rows } = await sql<{ name: string; collation: string | null }>`
    select column_name as name, collation_name as collation
    from information_schema.columns
    where table_schema = ${schema} and table_name = ${name}`.execute(db);
  const collations = new Map(rows.map((row) => [row.name.toLowerCase(), row.collation]));
  return resource.fieldList.filter(isTextField).every((field) => {
    const collation = collations.get(field.column.toLowerCase());
    return typeof collation === 'string' && CODE_POINT_COLLATIONS.has(collation.toLowerCase());
  });
}

/** The SQLite dialect that matches what this connection's LIKE folds. */
async function sqliteLikeDialect<DB>(db: Kysely<DB>): Promise<SqlDialect> {
  const { rows } = await sql<{ ascii: number; other: number }>`
    select 'a' like 'A' as ascii, ${'é'} like ${'É'} as other`.execute(db);
  const row = rows[0];
  if (row?.other === 1) {
    throw new Error(
      "listql/kysely: this SQLite connection's LIKE folds non-ASCII letters (the ICU extension?); " +
        'listql folds A–Z only and supports only the built-in LIKE',
    );
  }
  return row?.ascii === 1 ? sqliteDialect : sqliteCaseSensitiveLikeDialect;
}

/**
 * Reads the table's collations (MySQL/MariaDB) or the connection's LIKE
 * (SQLite) and returns the dialect whose SQL is both exact and the cheapest
 * for them. Run it once at startup (it queries the database) and pass the
 * result as `dialect`; `kyselyBackend` in `listql/http` does so on its first
 * request. It reflects the table and connection at the time it runs: a later
 * `alter table … collate` or `pragma case_sensitive_like` needs a new call.
 *
 * @example
 * const dialect = await detectSqlDialect(db, leads, { table: 'leads' });
 * const { data } = await runListQuery(db, leads, query, { table: 'leads', dialect });
 */
export async function detectSqlDialect<DB, F extends string>(
  db: Kysely<DB>,
  resource: Resource<F>,
  options: DetectSqlDialectOptions,
): Promise<SqlDialect> {
  const dialect = sqlDialectOf(db);
  switch (dialect.name) {
    case 'mysql':
      return (await mysqlColumnsAreBinary(db, resource, options.table))
        ? mysqlBinaryDialect
        : mysqlDialect;
    case 'sqlite':
      return sqliteLikeDialect(db);
    case 'postgres':
      return dialect;
  }
}
