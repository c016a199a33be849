/**
 * listql past one machine: the same leads on one PostgreSQL server and on a
 * sharded PostgreSQL (a parent partitioned by hash of the id over two
 * `postgres_fdw` foreign tables on two clusters this script starts; see
 * test/support/pg-shards.ts). For page 1 and deep cursor pages, the sharded
 * page is first checked to return the single-node page's ids, then both are
 * timed in interleaved rounds; the ratio is sharded ÷ single node. The
 * EXPLAIN (ANALYZE, VERBOSE) of the deepest sharded cursor page shows what
 * each shard was sent (its Remote SQL).
 *
 *   npx tsx bench/shard.bench.ts [--rows=600000]
 *   npm run bench -- --only=shard [--shard-rows=600000]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CompiledQuery } from 'kysely';
import {
  applyListQuery,
  postgresDialect,
  postgresFdwDialect,
  readListRow,
  type SqlDialect,
  selectedFields,
} from '../src/backends/kysely/index.js';
import { type ListQuery, parseListQuery } from '../src/index.js';
import { encodeCursor, positionOf } from '../src/parse/index.js';
import {
  analyzeShardedTable,
  createShardedTable,
  dropShardedTable,
  indexShardedTable,
  loadShardedRows,
  openShardedPostgres,
} from '../test/support/pg-shards.js';
import { type AnyKysely, loadPostgres, benchResource as resource } from './support/load-leads.js';
import { generateLeads } from './support/synthetic-leads.js';
import { timeInterleavedAsync } from './support/timing.js';

/** One page timed on both setups. */
export interface ShardPageRow {
  readonly query: string;
  /** The page number (its depth: page × limit rows before it). */
  readonly page: number;
  /** `cursor` (keyset) or `offset`. */
  readonly by: 'cursor' | 'offset';
  readonly rows: number;
  readonly singleMs: number;
  readonly shardedMs: number;
}

export interface ShardResult {
  readonly engine: string;
  readonly rows: number;
  readonly loadReport: string;
  readonly pages: readonly ShardPageRow[];
  /** The query and EXPLAIN (ANALYZE, VERBOSE) of the deepest sharded cursor page. */
  readonly explainQuery: string;
  readonly explain: string;
  /** The 1-minute load average when the timings started (the machine is shared). */
  readonly loadAverage: number;
}

/** The target: a cursor page at depth 10,000 on the shards ≤ 3× the single-node page. */
export const SHARD_TARGET_RATIO = 3;
export const SHARD_TARGET_PAGE = 10_000;

const QUERIES: readonly [string, readonly number[]][] = [
  ['sort=createdAt:desc', [1, 100, SHARD_TARGET_PAGE]],
  ['status=won,lost&value[gte]=100&sort=createdAt:desc', [1, 1_000]],
];

function parse(text: string): ListQuery {
  return parseListQuery(resource, text) as ListQuery;
}

/** The rows a page query returns, read as listql reads them. */
async function pageRows(
  db: AnyKysely,
  table: string,
  query: ListQuery,
  dialect: SqlDialect,
): Promise<Record<string, unknown>[]> {
  const fields = selectedFields(resource, query.select);
  const rows = await applyListQuery(db.selectFrom(table), resource, query, { dialect }).execute();
  return rows.map((row) => readListRow(fields, row) as Record<string, unknown>);
}

function compiled(db: AnyKysely, table: string, query: ListQuery, dialect: SqlDialect) {
  return applyListQuery(db.selectFrom(table), resource, query, { dialect }).compile();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Loads `rows` leads on one node and on the shards, times the pages, drops
 * everything; null when PostgreSQL or its binaries are missing (said loudly).
 *
 * @example
 * const result = await benchShard({ rows: 600_000, log: console.error });
 */
export async function benchShard(options: {
  rows: number;
  log: (line: string) => void;
}): Promise<ShardResult | null> {
  const leads = generateLeads(options.rows, 42);
  const table = `bench_shard_${process.pid}`;
  const single = await loadPostgres(leads, table);
  if (single === undefined) return null;
  options.log(`shard: one node: ${single.loadReport}`);
  const sharded = await openShardedPostgres(2);
  if (sharded === undefined) {
    await single.close();
    return null;
  }
  const shardedTable = `${table}_sharded`;
  try {
    const started = performance.now();
    await createShardedTable(sharded, resource, shardedTable, { indexes: false });
    await loadShardedRows(
      sharded,
      resource,
      shardedTable,
      leads as unknown as Record<string, unknown>[],
    );
    const loaded = performance.now();
    await indexShardedTable(sharded, resource, shardedTable);
    await analyzeShardedTable(sharded, shardedTable);
    const loadReport =
      `loaded ${leads.length.toLocaleString('en')} rows in ${seconds(loaded - started)} ` +
      `(each row's shard from satisfies_hash_partition on the coordinator, then ` +
      `INSERT … SELECT FROM unnest(arrays) on both shards at once), indexes + ANALYZE in ${seconds(performance.now() - loaded)}`;
    options.log(`shard: ${sharded.description}: ${loadReport}`);

    const loadAverage = loadavg()[0] ?? Number.NaN;
    const pages: ShardPageRow[] = [];
    let explainQuery = '';
    let explain = '';
    for (const [text, pageNumbers] of QUERIES) {
      for (const page of pageNumbers) {
        // The cursor continuing after offset page `page - 1`, read on one node.
        let query = parse(`${text}&page=${page}`);
        let by: ShardPageRow['by'] = 'offset';
        if (page > 1) {
          const previous = parse(`${text}&page=${page - 1}`);
          const last = (await pageRows(single.db, table, previous, postgresDialect)).at(-1);
          if (last === undefined) {
            options.log(`shard: ${text} page ${page} is past the last page: skipped`);
            continue;
          }
          const position = positionOf(resource, previous.sort, last);
          query = parse(
            `${text}&cursor=${encodeCursor(resource, previous.filter, previous.sort, position)}`,
          );
          by = 'cursor';
        }
        const expected = await pageRows(single.db, table, query, postgresDialect);
        const got = await pageRows(sharded.coordinator, shardedTable, query, postgresFdwDialect);
        const ids = (rows: readonly Record<string, unknown>[]) => rows.map((r) => r['id']);
        if (JSON.stringify(ids(expected)) !== JSON.stringify(ids(got))) {
          throw new Error(`shard: ${text} page ${page}: the shards' ids differ from one node's`);
        }
        const singleSql = compiled(single.db, table, query, postgresDialect);
        const shardedSql = compiled(sharded.coordinator, shardedTable, query, postgresFdwDialect);
        const [singleMs, shardedMs] = await timeInterleavedAsync(
          [
            { name: 'one node', run: () => single.db.executeQuery(singleSql) },
            { name: 'sharded', run: () => sharded.coordinator.executeQuery(shardedSql) },
          ],
          { rounds: 21, warmup: 2 },
        );
        pages.push({
          query: text,
          page,
          by,
          rows: got.length,
          singleMs: singleMs!,
          shardedMs: shardedMs!,
        });
        options.log(
          `shard: ${text} page ${page} by ${by}: one node ${singleMs!.toFixed(2)} ms, sharded ${shardedMs!.toFixed(2)} ms`,
        );
        if (text === QUERIES[0]![0] && page === SHARD_TARGET_PAGE) {
          explainQuery = `${text} (cursor after page ${page - 1})`;
          const plan = await sharded.coordinator.executeQuery<{ 'QUERY PLAN': string }>(
            CompiledQuery.raw(`explain (analyze, verbose, costs off) ${shardedSql.sql}`, [
              ...shardedSql.parameters,
            ]),
          );
          explain = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
        }
      }
    }
    return {
      engine: sharded.description,
      rows: leads.length,
      loadReport,
      pages,
      explainQuery,
      explain,
      loadAverage,
    };
  } finally {
    await dropShardedTable(sharded, shardedTable).catch(() => {});
    await sharded.close();
    await single.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = process.argv.find((a) => a.startsWith('--rows='))?.slice('--rows='.length);
  const result = await benchShard({
    rows: Number(rows ?? 600_000),
    log: (line) => console.error(line),
  });
  console.log(result === null ? 'skipped' : `${result.explain}\nRESULTS ${JSON.stringify(result)}`);
}
