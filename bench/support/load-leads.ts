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
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import {
  countIndex,
  createTableQueries,
  detectSqlDialect,
  type IndexKey,
  recommendedIndexes,
  type SqlDialect,
  sqlDialectOf,
} from '../../src/backends/kysely/index.js';
import { storageValue } from '../../src/backends/kysely/values.js';
import { mysqlServerDialect } from '../../src/demo/stores/server-dialects.js';
import { type LeadField, leads, parseListQuery, snakeCase, withColumns } from '../../src/index.js';
import {
  mysqlConnection,
  mysqlSettings,
  postgresConnection,
  postgresSettings,
  serverAvailable,
} from '../../test/support/databases.js';
import { PG_ARRAY_TYPES } from '../../test/support/pg-shards.js';
import type { SyntheticLead } from './synthetic-leads.js';

// biome-ignore lint/suspicious/noExplicitAny: the benchmark table is named at run time.
export type AnyKysely = Kysely<any>;

/** A snake_case schema, as most SQL databases have it. */
export const benchResource = withColumns(leads, snakeCase);

/** The filter the suite counts (`status=won,lost&value[gte]=100`). */
export const BENCH_COUNT_FILTER = 'status=won,lost&value[gte]=100';

/**
 * The indexes the bench creates: `recommendedIndexes` for the dialect, and
 * the `countIndex` of the filter it counts, which makes that filter's exact
 * `count(*)` an index-only scan (`status`, `value`).
 */
export function benchIndexes(dialect: SqlDialect): IndexKey<LeadField>[][] {
  const counted = countIndex(
    benchResource,
    parseListQuery(benchResource, BENCH_COUNT_FILTER).filter,
  );
  return [...recommendedIndexes(benchResource, dialect), counted];
}

/** A loaded database. */
export interface LoadedLeads {
  readonly db: AnyKysely;
  /** The dialect to compile for (on MySQL/MariaDB the one `detectSqlDialect` picked). */
  readonly dialect: SqlDialect;
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
  const indexes = benchIndexes(sqlDialectOf(db));
  for (const index of createTableQueries(db, benchResource, { table, indexes }).indexes) {
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
    dialect,
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
  const pool = new pg.Pool({ ...postgresConnection(), max: 2 });
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
  // VACUUM sets the visibility map, without which no index-only scan skips the heap
  // (autovacuum would do it on a live table; a fresh load has not had it yet).
  await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
    db,
  );
  return {
    db,
    dialect,
    table,
    engine: `PostgreSQL ${version.rows[0]?.v} at ${postgresSettings.host}:${postgresSettings.port}`,
    loadReport:
      `loaded ${rows.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
      `(INSERT … SELECT FROM unnest(arrays), 20,000 rows a statement), ` +
      `indexes + VACUUM ANALYZE in ${seconds(performance.now() - loaded)}`,
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

/**
 * Loads `rows` into a new MySQL/MariaDB table made by `createTableQueries`
 * (binary NO PAD columns, indexes declared inline), 2,000 rows a multi-row
 * INSERT in one transaction; undefined when the server is unreachable.
 *
 * @example
 * const loaded = await loadMysql(generateLeads(1_000, 42), 'bench_leads');
 * await loaded?.close();
 */
export async function loadMysql(
  rows: readonly SyntheticLead[],
  table: string,
): Promise<LoadedLeads | undefined> {
  if (!(await serverAvailable('MariaDB', mysqlSettings))) return undefined;
  const resource = benchResource;
  // Deep offset pages scan for seconds: no statement timeout in the benchmark.
  const db: AnyKysely = new KyselyClass({
    dialect: mysqlServerDialect(mysqlSettings, { statementTimeoutMs: 3_600_000 }),
  });
  const plain = sqlDialectOf(db);
  await db.schema.dropTable(table).ifExists().execute();
  // createTableQueries declares MySQL indexes inside CREATE TABLE; maintaining
  // eight secondary indexes row by row would make the load take minutes. So
  // the table is created bare, loaded, and given exactly the index clauses of
  // the DDL helper's CREATE TABLE afterwards, in one ALTER TABLE.
  const full = createTableQueries(db, resource, { table, indexes: benchIndexes(plain) });
  const indexClauses = [...full.table.compile().sql.matchAll(/index (`[^`]+` \([^)]*\))/g)].map(
    (match) => `add index ${match[1]}`,
  );
  // The same CREATE TABLE without its index clauses (column types depend on the indexes).
  const bare = full.table.compile().sql.replace(/, index `[^`]+` \([^)]*\)/g, '');
  await db.executeQuery(CompiledQuery.raw(bare));
  const dialect = await detectSqlDialect(db, resource, { table });
  const connection = await createConnection(mysqlConnection());
  const columns = resource.fieldList.map((f) => `\`${f.column}\``).join(', ');
  const started = performance.now();
  try {
    await connection.query("set time_zone = '+00:00'");
    await connection.query('set unique_checks = 0');
    await connection.beginTransaction();
    for (let start = 0; start < rows.length; start += 2_000) {
      const batch = rows.slice(start, start + 2_000) as unknown as Record<string, unknown>[];
      const values = batch.map((lead) =>
        resource.fieldList.map((f) => storageValue(dialect, f, lead[f.name])),
      );
      await connection.query(`insert into \`${table}\` (${columns}) values ?`, [values]);
    }
    await connection.commit();
  } finally {
    await connection.end();
  }
  const loaded = performance.now();
  await db.executeQuery(CompiledQuery.raw(`alter table \`${table}\` ${indexClauses.join(', ')}`));
  await sql`analyze table ${sql.table(table)}`.execute(db);
  const version = await sql<{ v: string }>`select version() as v`.execute(db);
  return {
    db,
    dialect,
    table,
    engine: `MariaDB ${version.rows[0]?.v} at ${mysqlSettings.host}:${mysqlSettings.port}`,
    loadReport:
      `loaded ${rows.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
      `(multi-row INSERTs of 2,000 rows in one transaction), ` +
      `the ${indexClauses.length} indexes of createTableQueries (one ALTER TABLE) + ANALYZE TABLE in ${seconds(performance.now() - loaded)}`,
    explain: async (compiled) => {
      const result = await db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
      );
      return result.rows
        .map(
          (row) =>
            `  ${['select_type', 'table', 'type', 'key', 'rows', 'Extra'].map((k) => `${k}=${row[k] ?? ''}`).join(' ')}`,
        )
        .join('\n');
    },
    close: async () => {
      await db.schema.dropTable(table).ifExists().execute();
      await db.destroy();
    },
  };
}
