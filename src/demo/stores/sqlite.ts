import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteStatementCache } from '../../backends/kysely/index.js';
import { type EmbeddedEngine, openEmbeddedStore } from './embedded-store.js';
import type { DemoStore, StoreContext } from './types.js';

/** SQLite through better-sqlite3: one file per synthetic dataset. @example openEmbeddedStore(sqliteEngine, context); */
export const sqliteEngine: EmbeddedEngine = {
  label: 'SQLite',
  prefix: 'leads',
  suffix: '.sqlite',
  open: (path) =>
    new Kysely({
      dialect: new SqliteDialect({
        database: sqliteStatementCache(new Database(path ?? ':memory:')),
      }),
    }),
};

/**
 * The demo's default store: SQLite, embedded.
 *
 * @example
 * const store = await openSqliteStore({ source, dataDir: '.demo-data', log: console.log });
 */
export function openSqliteStore(context: StoreContext): Promise<DemoStore> {
  return openEmbeddedStore(sqliteEngine, context);
}
