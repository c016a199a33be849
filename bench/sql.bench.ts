/**
 * listql's Kysely backend against the same query written by hand in Kysely,
 * on 1,000,000 synthetic leads in SQLite (a file, better-sqlite3) and in a
 * PostgreSQL server, with the recommended indexes.
 *
 *   npm run bench:sql
 *
 * Environment: BENCH_ROWS (default 1000000), BENCH_DIALECTS (default
 * `sqlite,postgres`), and the PG_* connection variables of
 * test/support/databases.ts. An unreachable PostgreSQL is skipped with a
 * message. Each run loads fresh tables and drops them at the end.
 *
 * For `status=won,lost&value[gte]=100&sort=createdAt:desc`, pages 1, 100 and
 * 10,000, and the count: both versions are first checked to return the same
 * rows, then their compiled SQL is executed interleaved and the medians
 * compared (the database's work, plus the driver). What listql costs in
 * JavaScript (parse the query string, build and compile the query) is timed
 * apart. EXPLAIN shows the plans (PostgreSQL: EXPLAIN ANALYZE; SQLite:
 * EXPLAIN QUERY PLAN).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
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
import {
  applyListCount,
  applyListQuery,
  createTableQueries,
  readListRow,
  type SqlDialect,
  selectedFields,
  sqlDialectOf,
} from '../src/backends/kysely/index.js';
import { storageValue } from '../src/backends/kysely/values.js';
import { type ListQuery, leads, parseListQuery, snakeCase, withColumns } from '../src/index.js';
import { postgresSettings, serverAvailable } from '../test/support/databases.js';
import { generateLeads, type SyntheticLead } from './support/synthetic-leads.js';

// biome-ignore lint/suspicious/noExplicitAny: the benchmark table is named at run time.
type AnyKysely = Kysely<any>;

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const DIALECTS = (process.env['BENCH_DIALECTS'] ?? 'sqlite,postgres').split(',');
const TABLE = `bench_leads_${process.pid}`;
const QUERY_TEXT = 'status=won,lost&value[gte]=100&sort=createdAt:desc';
/** Page → timed iterations (deep pages cost more per run). */
const PAGES: readonly [number, number][] = [
  [1, 300],
  [100, 100],
  [10_000, 12],
];
const COUNT_ITERATIONS = 12;

/** A snake_case schema, as most SQL databases have it. */
const resource = withColumns(leads, snakeCase);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The same page written by hand: what a developer would type without listql. */
function handWritten(db: AnyKysely, page: number) {
  return db
    .selectFrom(TABLE)
    .selectAll()
    .where('status', 'in', ['won', 'lost'])
    .where('value', '>=', 100)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .offset((page - 1) * 50);
}

function handWrittenCount(db: AnyKysely) {
  return db
    .selectFrom(TABLE)
    .select((eb) => eb.fn.countAll().as('total'))
    .where('status', 'in', ['won', 'lost'])
    .where('value', '>=', 100);
}

function listqlQuery(page: number): ListQuery {
  return parseListQuery(resource, `${QUERY_TEXT}&page=${page}`);
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times two runs interleaved (alternating which goes first); medians in ms. */
async function compare(
  iterations: number,
  hand: () => Promise<unknown>,
  listql: () => Promise<unknown>,
): Promise<{ hand: number; listql: number }> {
  await hand();
  await listql();
  const handTimes: number[] = [];
  const listqlTimes: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      handTimes.push(await timeOnce(hand));
      listqlTimes.push(await timeOnce(listql));
    } else {
      listqlTimes.push(await timeOnce(listql));
      handTimes.push(await timeOnce(hand));
    }
  }
  return { hand: median(handTimes), listql: median(listqlTimes) };
}

interface Row {
  label: string;
  hand: number;
  listql: number;
}

function printTable(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  console.log('| query | hand-written Kysely | listql | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) {
    const ratio = row.listql / row.hand;
    console.log(
      `| ${row.label} | ${row.hand.toFixed(2)} | ${row.listql.toFixed(2)} | ${ratio.toFixed(2)} |`,
    );
  }
}

/** Runs the checks, timings and EXPLAIN for one loaded database. */
async function benchmark(db: AnyKysely, explain: (compiled: CompiledQuery) => Promise<string>) {
  const dialect: SqlDialect = sqlDialectOf(db);
  const fields = selectedFields(resource, 'all');
  const results: Row[] = [];
  for (const [page, iterations] of PAGES) {
    const query = listqlQuery(page);
    const listqlPage = () =>
      applyListQuery(db.selectFrom(TABLE), resource, query, { dialect }).execute();
    // Same rows, same order, before any timing.
    const mine = (await listqlPage()).map((row) => readListRow(fields, row)['id']);
    const theirs = (await handWritten(db, page).execute()).map((row) => row['id']);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      throw new Error(`page ${page}: listql and the hand-written query return different rows`);
    }
    const mineCompiled = applyListQuery(db.selectFrom(TABLE), resource, query, {
      dialect,
    }).compile();
    const theirCompiled = handWritten(db, page).compile();
    const timing = await compare(
      iterations,
      () => db.executeQuery(theirCompiled),
      () => db.executeQuery(mineCompiled),
    );
    results.push({ label: `page ${page.toLocaleString('en')} (${mine.length} rows)`, ...timing });
  }
  const query = listqlQuery(1);
  const listqlCount = () =>
    applyListCount(db.selectFrom(TABLE), resource, query, { dialect }).executeTakeFirstOrThrow();
  const [mineTotal, theirTotal] = [
    Number((await listqlCount()).total),
    Number((await handWrittenCount(db).executeTakeFirstOrThrow())['total']),
  ];
  if (mineTotal !== theirTotal) throw new Error(`count: ${mineTotal} vs ${theirTotal}`);
  const mineCount = applyListCount(db.selectFrom(TABLE), resource, query, { dialect }).compile();
  const theirCount = handWrittenCount(db).compile();
  const countTiming = await compare(
    COUNT_ITERATIONS,
    () => db.executeQuery(theirCount),
    () => db.executeQuery(mineCount),
  );
  results.push({ label: `count (total ${mineTotal.toLocaleString('en')})`, ...countTiming });

  console.log('\nlistql SQL, page 100 (select list shortened to its first and last column):');
  const compiled = applyListQuery(db.selectFrom(TABLE), resource, listqlQuery(100), {
    dialect,
  }).compile();
  const from = compiled.sql.indexOf(' from ');
  const items = compiled.sql.slice('select '.length, from).split(', ');
  console.log(`select ${items[0]}, …, ${items.at(-1)}${compiled.sql.slice(from)}`);
  console.log('parameters:', JSON.stringify(compiled.parameters));
  for (const page of [1, 10_000]) {
    const plan = applyListQuery(db.selectFrom(TABLE), resource, listqlQuery(page), { dialect });
    console.log(
      `\nEXPLAIN, listql page ${page.toLocaleString('en')}:\n${await explain(plan.compile())}`,
    );
    console.log(
      `EXPLAIN, hand-written page ${page.toLocaleString('en')}:\n${await explain(handWritten(db, page).compile())}`,
    );
  }
  const countPlan = applyListCount(db.selectFrom(TABLE), resource, query, { dialect }).compile();
  console.log(`\nEXPLAIN, listql count:\n${await explain(countPlan)}`);
  results.push(await buildCost(db));
  return results;
}

/** Microseconds to turn the query string into compiled SQL, listql vs writing it by hand. */
async function buildCost(db: AnyKysely): Promise<Row> {
  const dialect = sqlDialectOf(db);
  const text = `${QUERY_TEXT}&page=100`;
  const time = (build: () => unknown): number => {
    for (let i = 0; i < 2_000; i++) build();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      for (let j = 0; j < 500; j++) build();
      times.push((performance.now() - start) / 500);
    }
    return median(times) * 1000;
  };
  const hand = time(() => handWritten(db, 100).compile());
  const listql = time(() =>
    applyListQuery(db.selectFrom(TABLE), resource, parseListQuery(resource, text), {
      dialect,
    }).compile(),
  );
  return { label: 'build + compile, in µs (parse included for listql)', hand, listql };
}

async function createIndexes(db: AnyKysely): Promise<void> {
  for (const index of createTableQueries(db, resource, { table: TABLE }).indexes) {
    await index.execute();
  }
}

async function benchSqlite(rows: readonly SyntheticLead[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'listql-bench-'));
  const file = join(dir, 'leads.db');
  const database = new Database(file);
  const db: AnyKysely = new KyselyClass({ dialect: new SqliteDialect({ database }) });
  try {
    const dialect = sqlDialectOf(db);
    await createTableQueries(db, resource, { table: TABLE }).table.execute();
    database.pragma('journal_mode = wal');
    database.pragma('synchronous = off');
    const columns = resource.fieldList.map((f) => `"${f.column}"`).join(', ');
    const marks = resource.fieldList.map(() => '?').join(', ');
    const insert = database.prepare(`insert into "${TABLE}" (${columns}) values (${marks})`);
    const started = performance.now();
    database.transaction(() => {
      for (const row of rows) {
        const lead = row as unknown as Record<string, unknown>;
        insert.run(resource.fieldList.map((f) => storageValue(dialect, f, lead[f.name])));
      }
    })();
    const loaded = performance.now();
    await createIndexes(db);
    database.exec('analyze');
    console.log(
      `\nSQLite ${database.prepare('select sqlite_version() as v').pluck().get()} (file ${file}): ` +
        `loaded ${rows.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
        `(one transaction, one prepared statement), indexes + ANALYZE in ${seconds(performance.now() - loaded)}`,
    );
    const results = await benchmark(db, async (compiled) => {
      const plan = database
        .prepare(`explain query plan ${compiled.sql}`)
        .all(...compiled.parameters) as { detail: string }[];
      return plan.map((step) => `  ${step.detail}`).join('\n');
    });
    printTable('SQLite, median ms (build row: µs)', results);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const PG_ARRAY_TYPES = {
  string: 'text[]',
  enum: 'text[]',
  number: 'float8[]',
  boolean: 'bool[]',
  datetime: 'timestamptz[]',
} as const;

async function benchPostgres(rows: readonly SyntheticLead[]): Promise<void> {
  if (!(await serverAvailable('PostgreSQL', postgresSettings))) return;
  const pool = new pg.Pool({
    host: postgresSettings.host,
    port: postgresSettings.port,
    user: postgresSettings.user,
    ...(postgresSettings.password === undefined ? {} : { password: postgresSettings.password }),
    database: postgresSettings.database,
    max: 2,
  });
  const db: AnyKysely = new KyselyClass({ dialect: new PostgresDialect({ pool }) });
  try {
    const dialect = sqlDialectOf(db);
    await db.schema.dropTable(TABLE).ifExists().execute();
    await createTableQueries(db, resource, { table: TABLE }).table.execute();
    // One array parameter per column, unnested into rows: 20,000 rows per statement.
    const columns = resource.fieldList.map((f) => `"${f.column}"`).join(', ');
    const arrays = resource.fieldList
      .map((f, i) => `$${i + 1}::${PG_ARRAY_TYPES[f.type]}`)
      .join(', ');
    const insertSql = `insert into "${TABLE}" (${columns}) select * from unnest(${arrays})`;
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
    await createIndexes(db);
    await sql`analyze ${sql.table(TABLE)}`.execute(db);
    const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
      db,
    );
    console.log(
      `\nPostgreSQL ${version.rows[0]?.v} at ${postgresSettings.host}:${postgresSettings.port}: ` +
        `loaded ${rows.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
        `(INSERT … SELECT FROM unnest(arrays), 20,000 rows a statement), ` +
        `indexes + ANALYZE in ${seconds(performance.now() - loaded)}`,
    );
    const results = await benchmark(db, async (compiled) => {
      const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
      );
      return result.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n');
    });
    printTable('PostgreSQL, median ms (build row: µs)', results);
  } finally {
    await db.schema.dropTable(TABLE).ifExists().execute();
    await db.destroy();
  }
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
  );
  const started = performance.now();
  const rows = generateLeads(ROWS, 42);
  console.log(
    `Generated ${rows.length.toLocaleString('en')} leads (seed 42) in ${seconds(performance.now() - started)}`,
  );
  console.log(`Query: ${QUERY_TEXT} (limit 50), pages 1, 100 and 10,000, and the count`);
  if (DIALECTS.includes('sqlite')) await benchSqlite(rows);
  if (DIALECTS.includes('postgres')) await benchPostgres(rows);
}

await main();
