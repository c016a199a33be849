/**
 * Engines for the shared suites: the Kysely backend on SQLite (better-sqlite3,
 * in memory), PGlite (PostgreSQL in WASM), a PostgreSQL server and a MariaDB
 * server. Each `load` creates a uniquely named table with the backend's DDL
 * and recommended indexes and inserts the rows in multi-row batches.
 */

import { PGlite, types } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { Kysely, PGliteDialect, SqliteDialect } from 'kysely';
import {
  createTable,
  detectSqlDialect,
  insertRows,
  runListQuery,
  sqliteStatementCache,
} from '../../../src/backends/kysely/index.js';
import {
  mysqlServerDialect,
  postgresServerDialect,
} from '../../../src/demo/stores/server-dialects.js';
import type { Resource } from '../../../src/index.js';
import {
  mysqlSettings,
  postgresSettings,
  type ServerSettings,
  serverAvailable,
} from '../databases.js';
import type { Engine, LoadedDataset, StoredRow } from '../engine.js';

/** A Kysely instance on any database; its tables are named at run time. */
// biome-ignore lint/suspicious/noExplicitAny: tables are created per test with run-time names.
export type AnyKysely = Kysely<any>;

let tableCounter = 0;

/** A table name no other test, file or process is using. */
export function uniqueTableName(prefix = 'lq'): string {
  tableCounter += 1;
  const random = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `${prefix}_${process.pid}_${tableCounter}_${random}`;
}

/** Stored rows (keyed by column) as field-keyed rows, the shape `insertRows` takes. */
function byField(resource: Resource, rows: readonly StoredRow[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(resource.fieldList.map((field) => [field.name, row[field.column]])),
  );
}

/** An Engine that also hands out its Kysely instance, for tests that write their own DDL. */
export interface KyselyEngine extends Engine {
  kysely(): AnyKysely;
}

/** An Engine over a Kysely instance; `db` is created on first use and destroyed by `close`. */
export function kyselyEngine(name: string, connect: () => AnyKysely): KyselyEngine {
  let db: AnyKysely | undefined;
  const database = (): AnyKysely => {
    db ??= connect();
    return db;
  };
  return {
    name,
    kysely: database,
    async load(resource: Resource, rows: readonly StoredRow[]): Promise<LoadedDataset> {
      const kysely = database();
      const table = uniqueTableName();
      await createTable(kysely, resource, { table });
      await insertRows(kysely, resource, byField(resource, rows), { table });
      // The dialect the table really allows: on MariaDB, createTable's binary
      // collation lets every comparison and ORDER BY use the bare columns.
      const dialect = await detectSqlDialect(kysely, resource, { table });
      const idColumn = resource.fields.get(resource.idField)!.column;
      return {
        run: (query) => runListQuery(kysely, resource, query, { table, dialect }),
        insert: async (added) => {
          await insertRows(kysely, resource, byField(resource, added), { table });
        },
        remove: async (ids) => {
          if (ids.length === 0) return;
          await kysely
            .deleteFrom(table)
            .where(idColumn, 'in', [...ids])
            .execute();
        },
        drop: async () => {
          await kysely.schema.dropTable(table).ifExists().execute();
        },
      };
    },
    async close(): Promise<void> {
      await db?.destroy();
      db = undefined;
    },
  };
}

/** SQLite in memory through better-sqlite3. */
export function sqliteEngine(): KyselyEngine {
  return kyselyEngine(
    'sqlite',
    () =>
      new Kysely({
        dialect: new SqliteDialect({ database: sqliteStatementCache(new Database(':memory:')) }),
      }),
  );
}

/**
 * PGlite in memory. Starting it takes seconds: create one engine per test
 * file. PGlite turns timestamptz into `new Date(text)`, which is Invalid for
 * years BC (ISO year 0000), so timestamps come back as text for listql to read.
 */
export function pgliteEngine(): KyselyEngine {
  const parsers = { [types.TIMESTAMPTZ]: (text: string) => text };
  return kyselyEngine(
    'pglite',
    () => new Kysely({ dialect: new PGliteDialect({ pglite: () => PGlite.create({ parsers }) }) }),
  );
}

/** A PostgreSQL server (settings from `PG_*`, see test/support/databases.ts). */
export function postgresEngine(settings: ServerSettings = postgresSettings): KyselyEngine {
  return kyselyEngine(
    'postgres',
    () =>
      new Kysely({
        dialect: postgresServerDialect(settings),
      }),
  );
}

/**
 * A MariaDB / MySQL server (settings from `MYSQL_*`). DATETIME columns hold
 * UTC: every session runs in UTC, and `mysqlTypeCast` hands DATETIME over as
 * text, which listql reads as UTC, and reads doubles exactly.
 */
export function mariadbEngine(settings: ServerSettings = mysqlSettings): KyselyEngine {
  return kyselyEngine(
    'mariadb',
    () =>
      new Kysely({
        dialect: mysqlServerDialect(settings),
      }),
  );
}

/** An engine opened on demand; undefined when its server is unreachable outside CI. */
export interface KyselyEngineSetup {
  readonly name: string;
  open(): Promise<Engine | undefined>;
}

/**
 * The four Kysely engines as lazily opened setups, for the differential test:
 * SQLite and PGlite always; the servers when reachable (in CI an unreachable
 * server throws; elsewhere it is skipped with a loud message).
 *
 * @example
 * for (const setup of kyselyEngineSetups()) { const engine = await setup.open(); … }
 */
export function kyselyEngineSetups(): KyselyEngineSetup[] {
  const server = (
    name: string,
    label: string,
    settings: ServerSettings,
    make: () => Engine,
  ): KyselyEngineSetup => ({
    name,
    open: async () => ((await serverAvailable(label, settings)) ? make() : undefined),
  });
  return [
    { name: 'sqlite', open: async () => sqliteEngine() },
    { name: 'pglite', open: async () => pgliteEngine() },
    server('postgres', 'PostgreSQL', postgresSettings, () => postgresEngine()),
    server('mariadb', 'MariaDB', mysqlSettings, () => mariadbEngine()),
  ];
}
