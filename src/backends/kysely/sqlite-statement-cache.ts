/**
 * Prepared statements reused across requests on SQLite. Kysely's
 * `SqliteDialect` calls `database.prepare(sql)` for every query; with
 * better-sqlite3 that parses and plans the statement each time (about 40 µs
 * for a list page). Wrapping the database keeps the statements of the most
 * recent SQL texts — which the shape cache of `runListQuery` makes few and
 * stable — and hands them out again.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { BoundedCache } from './bounded-cache.js';

/** Options of {@link sqliteStatementCache}. */
export interface SqliteStatementCacheOptions {
  /** How many statements to keep, least recently used dropped first. Default 200. */
  readonly max?: number;
}

/**
 * `database` (a better-sqlite3 `Database`, or anything with `prepare` and
 * `close`) with its prepared statements kept by SQL text, for Kysely's
 * `SqliteDialect`. A statement that is still busy (an unfinished `iterate`,
 * as Kysely's `stream()` leaves it) is never handed out twice: a fresh one
 * is prepared instead. SQLite re-prepares a kept statement itself after a
 * schema change.
 *
 * @example
 * const db = new Kysely<Database>({
 *   dialect: new SqliteDialect({ database: sqliteStatementCache(new Database('leads.db')) }),
 * });
 */
export function sqliteStatementCache(
  database: SqliteDatabase,
  options: SqliteStatementCacheOptions = {},
): SqliteDatabase {
  const statements = new BoundedCache<string, SqliteStatement>(options.max ?? 200);
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept !== undefined && (kept as { readonly busy?: boolean }).busy !== true) return kept;
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      return statement;
    },
  };
}
