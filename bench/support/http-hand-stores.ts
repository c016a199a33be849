/**
 * The bare drivers behind the hand-written server of `bench/http.bench.ts`
 * (a module of their own so a CPU profile charges them to the driver).
 */
import type Database from 'better-sqlite3';
import type { Pool as MysqlPool, RowDataPacket } from 'mysql2/promise';
import type pg from 'pg';
import type { HandStore } from './http-hand.js';

/**
 * better-sqlite3 with one prepared statement per SQL text, kept for good.
 *
 * @example
 * const store = sqliteHandStore(new Database('leads.db'));
 */
export function sqliteHandStore(database: Database.Database): HandStore {
  const statements = new Map<string, Database.Statement>();
  return {
    dialect: 'sqlite',
    all(sql, params) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...params) as Record<string, unknown>[];
    },
  };
}

/**
 * A pg pool, one `pool.query` per statement.
 *
 * @example
 * const store = postgresHandStore(new pg.Pool({ max: 10 }));
 */
export function postgresHandStore(pool: pg.Pool): HandStore {
  return {
    dialect: 'postgres',
    all: async (sql, params) => (await pool.query(sql, [...params])).rows,
  };
}

/**
 * A mysql2 pool (created with `timezone: 'Z'`, so DATETIME reads as UTC),
 * one `pool.query` per statement, `?` placeholders filled in by mysql2: the
 * text protocol, as Kysely's MysqlDialect uses it. Not `pool.execute`: on
 * MariaDB 10.11 its prepared count ran at 6–9 ms beside the page query
 * against 0.8 ms as a plain query, which would flatter listql.
 *
 * @example
 * const store = mysqlHandStore(mysql.createPool({ host, user, database, timezone: 'Z' }));
 */
export function mysqlHandStore(pool: MysqlPool): HandStore {
  return {
    dialect: 'mysql',
    all: async (sql, params) => (await pool.query<RowDataPacket[]>(sql, [...params]))[0],
  };
}
