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
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CompiledQuery } from 'kysely';
import {
  applyListCount,
  applyListQuery,
  readListRow,
  type SqlDialect,
  selectedFields,
  sqlDialectOf,
} from '../src/backends/kysely/index.js';
import { type ListQuery, parseListQuery } from '../src/index.js';
import {
  type AnyKysely,
  benchResource,
  type LoadedLeads,
  loadPostgres,
  loadSqlite,
} from './support/load-leads.js';
import { generateLeads } from './support/synthetic-leads.js';

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
/** Time one comparison may take before it stops at the iterations done (at least three). */
const COMPARE_BUDGET_MS = 30_000;

const resource = benchResource;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The same page written by hand: what a developer would type without listql. */
function handWritten(db: AnyKysely, page: number) {
  return db
    .selectFrom(currentTable)
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
    .selectFrom(currentTable)
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
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    // Deep offset pages on MariaDB take seconds each at 1 M rows: past the
    // budget, three pairs make the median.
    if (i >= 3 && performance.now() - started > COMPARE_BUDGET_MS) break;
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

/** One compared query: medians in ms (µs for the build row). */
export interface Row {
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

/**
 * Runs the checks, timings and EXPLAIN for one loaded database: listql
 * against hand-written Kysely for pages 1, 100, 10,000 by offset and the
 * count. The plans are printed; the rows returned.
 */
export async function compareWithHandWritten(
  db: AnyKysely,
  explain: (compiled: CompiledQuery) => Promise<string>,
  table: string = TABLE,
  dialect: SqlDialect = sqlDialectOf(db),
): Promise<Row[]> {
  return withTable(table, () => benchmark(db, explain, dialect));
}

/** The table the hand-written and listql queries read; set per loaded database. */
let currentTable = TABLE;

async function withTable<T>(table: string, run: () => Promise<T>): Promise<T> {
  const previous = currentTable;
  currentTable = table;
  try {
    return await run();
  } finally {
    currentTable = previous;
  }
}

async function benchmark(
  db: AnyKysely,
  explain: (compiled: CompiledQuery) => Promise<string>,
  dialect: SqlDialect,
) {
  const fields = selectedFields(resource, 'all');
  const results: Row[] = [];
  for (const [page, iterations] of PAGES) {
    const query = listqlQuery(page);
    const listqlPage = () =>
      applyListQuery(db.selectFrom(currentTable), resource, query, { dialect }).execute();
    // Same rows, same order, before any timing.
    const mine = (await listqlPage()).map((row) => readListRow(fields, row)['id']);
    const theirs = (await handWritten(db, page).execute()).map((row) => row['id']);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      throw new Error(`page ${page}: listql and the hand-written query return different rows`);
    }
    const mineCompiled = applyListQuery(db.selectFrom(currentTable), resource, query, {
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
    applyListCount(db.selectFrom(currentTable), resource, query, {
      dialect,
    }).executeTakeFirstOrThrow();
  const [mineTotal, theirTotal] = [
    Number((await listqlCount()).total),
    Number((await handWrittenCount(db).executeTakeFirstOrThrow())['total']),
  ];
  if (mineTotal !== theirTotal) throw new Error(`count: ${mineTotal} vs ${theirTotal}`);
  const mineCount = applyListCount(db.selectFrom(currentTable), resource, query, {
    dialect,
  }).compile();
  const theirCount = handWrittenCount(db).compile();
  const countTiming = await compare(
    COUNT_ITERATIONS,
    () => db.executeQuery(theirCount),
    () => db.executeQuery(mineCount),
  );
  results.push({ label: `count (total ${mineTotal.toLocaleString('en')})`, ...countTiming });

  console.log('\nlistql SQL, page 100 (select list shortened to its first and last column):');
  const compiled = applyListQuery(db.selectFrom(currentTable), resource, listqlQuery(100), {
    dialect,
  }).compile();
  const from = compiled.sql.indexOf(' from ');
  const items = compiled.sql.slice('select '.length, from).split(', ');
  console.log(`select ${items[0]}, …, ${items.at(-1)}${compiled.sql.slice(from)}`);
  console.log('parameters:', JSON.stringify(compiled.parameters));
  for (const page of [1, 10_000]) {
    const plan = applyListQuery(db.selectFrom(currentTable), resource, listqlQuery(page), {
      dialect,
    });
    console.log(
      `\nEXPLAIN, listql page ${page.toLocaleString('en')}:\n${await explain(plan.compile())}`,
    );
    console.log(
      `EXPLAIN, hand-written page ${page.toLocaleString('en')}:\n${await explain(handWritten(db, page).compile())}`,
    );
  }
  const countPlan = applyListCount(db.selectFrom(currentTable), resource, query, {
    dialect,
  }).compile();
  console.log(`\nEXPLAIN, listql count:\n${await explain(countPlan)}`);
  results.push(await buildCost(db, dialect));
  return results;
}

/** Microseconds to turn the query string into compiled SQL, listql vs writing it by hand. */
async function buildCost(db: AnyKysely, dialect: SqlDialect): Promise<Row> {
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
    applyListQuery(db.selectFrom(currentTable), resource, parseListQuery(resource, text), {
      dialect,
    }).compile(),
  );
  return { label: 'build + compile, in µs (parse included for listql)', hand, listql };
}

/** Loads one database, compares, prints the table, and cleans up. */
async function benchLoaded(label: string, loaded: LoadedLeads | undefined): Promise<void> {
  if (loaded === undefined) return;
  try {
    console.log(`\n${loaded.engine}: ${loaded.loadReport}`);
    const results = await compareWithHandWritten(
      loaded.db,
      loaded.explain,
      loaded.table,
      loaded.dialect,
    );
    printTable(`${label}, median ms (build row: µs)`, results);
  } finally {
    await loaded.close();
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
  if (DIALECTS.includes('sqlite')) await benchLoaded('SQLite', await loadSqlite(rows, TABLE));
  if (DIALECTS.includes('postgres')) {
    await benchLoaded('PostgreSQL', await loadPostgres(rows, TABLE));
  }
}

// Run only as a script: bench/scale.bench.ts imports compareWithHandWritten.
if (import.meta.url === `file://${process.argv[1]}`) await main();
