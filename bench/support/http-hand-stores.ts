/**
 * The bare drivers behind the hand-written server of `bench/http.bench.ts`
 * (a module of their own so a CPU profile charges them to the driver).
 */
import type Database from 'better-sqlite3';
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
