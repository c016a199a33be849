/**
 * Loads synthetic leads into a fresh SQLite file or PostgreSQL table with the
 * DDL and recommended indexes of `createTableQueries`, as fast as each driver
 * allows, and hands back the Kysely instance, an EXPLAIN helper and a cleanup.
 * Shared by `bench/sql.bench.ts` and `bench/scale.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type Kysely,
  Kysely as KyselyClass,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import { createTableQueries, sqlDialectOf } from '../../src/backends/kysely/index.js';
import { storageValue } from '../../src/backends/kysely/values.js';
import { leads, snakeCase, withColumns } from '../../src/index.js';
import { postgresSettings, serverAvailable } from '../../test/support/databases.js';
import type { SyntheticLead } from './synthetic-leads.js';

// biome-ignore lint/suspicious/noExplicitAny: the benchmark table is named at run time.
export type AnyKysely = Kysely<any>;

/** A snake_case schema, as most SQL databases have it. */
export const benchResource = withColumns(leads, snakeCase);

/** A loaded database. */
export interface LoadedLeads {
  readonly db: AnyKysely;
  readonly table: string;
  /** `SQLite 3.53.2 (file …)` or `PostgreSQL 15.20 at …`. */
  readonly engine: string;
  /** The SQLite file, for another process to open (SQLite only). */
  readonly file?: string;
  /** How the load went, in words, with timings. */
  readonly loadReport: string;
  /** The plan of a compiled query (PostgreSQL: EXPLAIN ANALYZE, BUFFERS; SQLite: EXPLAIN QUERY PLAN). */
  readonly explain: (compiled: CompiledQuery) => Promise<string>;
  /** Drops the table or deletes the file, and closes the connection. */
  readonly close: () => Promise<void>;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function createIndexes(db: AnyKysely, table: string): Promise<void> {
  for (const index of createTableQueries(db, benchResource, { table }).indexes) {
    await index.execute();
  }
}

/**
 * Loads `rows` into a new SQLite file: one transaction, one prepared statement.
 *
 * @example
 * const loaded = await loadSqlite(generateLeads(1_000, 42), 'bench_leads');
 * await loaded.close();
 */
export async function loadSqlite(
  rows: readonly SyntheticLead[],
  table: string,
): Promise<LoadedLeads> {
  const resource = benchResource;
  const dir = mkdtempSync(join(tmpdir(), 'listql-bench-'));
  const file = join(dir, 'leads.db');
  const database = new Database(file);
  const db: AnyKysely = new KyselyClass({ dialect: new SqliteDialect({ database }) });
  const dialect = sqlDialectOf(db);
  await createTableQueries(db, resource, { table }).table.execute();
  database.pragma('journal_mode = wal');
  database.pragma('synchronous = off');
  const columns = resource.fieldList.map((f) => `"${f.column}"`).join(', ');
  const marks = resource.fieldList.map(() => '?').join(', ');
  const insert = database.prepare(`insert into "${table}" (${columns}) values (${marks})`);
  const started = performance.now();
  database.transaction(() => {
    for (const row of rows) {
      const lead = row as unknown as Record<string, unknown>;
      insert.run(resource.fieldList.map((f) => storageValue(dialect, f, lead[f.name])));
    }
  })();
  const loaded = performance.now();
  await createIndexes(db, table);
  database.exec('analyze');
  const version = database.prepare('select sqlite_version() as v').pluck().get();
  return {
    db,
    table,
    file,
    engine: `SQLite ${version} (better-sqlite3, a file on local disk)`,
    loadReport:
      `loaded ${rows.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
      `(one transaction, one prepared statement), indexes + ANALYZE in ${seconds(performance.now() - loaded)}`,
    explain: async (compiled) => {
      const plan = database
        .prepare(`explain query plan ${compiled.sql}`)
        .all(...compiled.parameters) as { detail: string }[];
      return plan.map((step) => `  ${step.detail}`).join('\n');
    },
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const PG_ARRAY_TYPES = {
  string: 'text[]',
  enum: 'text[]',
  number: 'float8[]',
  boolean: 'bool[]',
  datetime: 'timestamptz[]',
} as const;

/**
 * Loads `rows` into a new PostgreSQL table (`INSERT … SELECT FROM unnest`,
 * 20,000 rows a statement); undefined when the server is unreachable.
 *
 * @example
 * const loaded = await loadPostgres(generateLeads(1_000, 42), 'bench_leads');
 * await loaded?.close();
 */
export async function loadPostgres(
  rows: readonly SyntheticLead[],
  table: string,
): Promise<LoadedLeads | undefined> {
  if (!(await serverAvailable('PostgreSQL', postgresSettings))) return undefined;
  const resource = benchResource;
  const pool = new pg.Pool({
    host: postgresSettings.host,
    port: postgresSettings.port,
    user: postgresSettings.user,
    ...(postgresSettings.password === undefined ? {} : { password: postgresSettings.password }),
    database: postgresSettings.database,
    max: 2,
  });
  const db: AnyKysely = new KyselyClass({ dialect: new PostgresDialect({ pool }) });
  const dialect = sqlDialectOf(db);
  await db.schema.dropTable(table).ifExists().execute();
  await createTableQueries(db, resource, { table }).table.execute();
  // One array parameter per column, unnested into rows: 20,000 rows per statement.
  const columns = resource.fieldList.map((f) => `"${f.column}"`).join(', ');
  const arrays = resource.fieldList
    .map((f, i) => `$${i + 1}::${PG_ARRAY_TYPES[f.type]}`)
    .join(', ');
  const insertSql = `insert into "${table}" (${columns}) select * from unnest(${arrays})`;
  const started = performance.now();
  const client = await pool.connect();
  try {
    for (let start = 0; start < rows.length; start += 20_000) {
      const batch = rows.slice(start, start + 20_000) as unknown as Record<string, unknown>[];
      const params = resource.fieldList.map((f) =>
        batch.map((lead) => storageValue(dialect, f, lead[f.name])),
      );
      await client.query(insertSql, params);
    }
  } finally {
    client.release();
  }
  const loaded = performance.now();
  await createIndexes(db, table);
  await sql`analyze ${sql.table(table)}`.execute(db);
  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
    db,
  );
  return {
    db,
    table,
    engine: `PostgreSQL ${version.rows[0]?.v} at ${postgresSettings.host}:${postgresSettings.port}`,
    loadReport:
      `loaded ${rows.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
      `(INSERT … SELECT FROM unnest(arrays), 20,000 rows a statement), ` +
      `indexes + ANALYZE in ${seconds(performance.now() - loaded)}`,
    explain: async (compiled) => {
      const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
      );
      return result.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n');
    },
    close: async () => {
      await db.schema.dropTable(table).ifExists().execute();
      await db.destroy();
    },
  };
}
