import { type Kysely, MysqlAdapter, PostgresAdapter, SqliteAdapter } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { mysqlDialect } from './mysql.js';
import { postgresDialect } from './postgres.js';
import { sqliteDialect } from './sqlite.js';

/**
 * The listql dialect of a Kysely instance (or transaction), read from its
 * adapter: PostgreSQL (pg, PGlite, …), MySQL/MariaDB or SQLite. A third-party
 * dialect whose adapter does not extend one of Kysely's three is refused with
 * an error; pass `postgresDialect`, `mysqlDialect` or `sqliteDialect` yourself.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
 * sqlDialectOf(db).name; // 'postgres'
 */
export function sqlDialectOf<DB>(db: Kysely<DB>): SqlDialect {
  // getExecutor() is marked internal in Kysely's types but is the only way to
  // reach the adapter; it has been stable since Kysely 0.20.
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return postgresDialect;
  if (adapter instanceof MysqlAdapter) return mysqlDialect;
  if (adapter instanceof SqliteAdapter) return sqliteDialect;
  throw new Error(
    `listql/kysely: cannot tell the SQL dialect from the adapter ${adapter.constructor.name}; ` +
      'pass { dialect: postgresDialect | mysqlDialect | sqliteDialect } explicitly',
  );
}
