/**
 * The sharded-PostgreSQL part of docs/benchmarks.md and of its chart, from a
 * {@link ShardResult} (bench/shard.bench.ts). Pure: no timing, no I/O.
 */
import type { ChartBar } from './chart.js';
import { SHARD_TARGET_PAGE, SHARD_TARGET_RATIO, type ShardResult } from './shard.bench.js';

const fmt = (n: number) =>
  n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function deepPage(result: ShardResult) {
  return result.pages.find(
    (row) => row.query === 'sort=createdAt:desc' && row.page === SHARD_TARGET_PAGE,
  );
}

/**
 * The row of the targets table: the deep cursor page, sharded ÷ one node.
 *
 * @example
 * const target = shardTarget(result); // { what, measured, ok }
 */
export function shardTarget(result: ShardResult): {
  what: string;
  measured: string;
  ok: boolean | null;
} {
  const what = `sharded PostgreSQL (postgres_fdw, 2 shards): cursor page at depth ${SHARD_TARGET_PAGE.toLocaleString('en')} within ${SHARD_TARGET_RATIO}× of one node`;
  const deep = deepPage(result);
  if (!deep) {
    return {
      what,
      measured: `not measured: ${result.rows.toLocaleString('en')} rows have no page ${SHARD_TARGET_PAGE.toLocaleString('en')} (use --shard-rows=510000 or more)`,
      ok: null,
    };
  }
  const ratio = deep.shardedMs / deep.singleMs;
  return {
    what,
    measured: `${fmt(ratio)}× (${fmt(deep.shardedMs)} ms vs ${fmt(deep.singleMs)} ms)`,
    ok: ratio <= SHARD_TARGET_RATIO,
  };
}

/**
 * The chart bar of the deep cursor page, when measured.
 *
 * @example
 * bars.push(...shardBars(result));
 */
export function shardBars(result: ShardResult): ChartBar[] {
  const deep = deepPage(result);
  if (!deep) return [];
  return [
    {
      label: `sharded: cursor page ${SHARD_TARGET_PAGE.toLocaleString('en')} ÷ one node`,
      value: deep.shardedMs / deep.singleMs,
      target: SHARD_TARGET_RATIO,
      better: 'lower',
    },
  ];
}

/**
 * The "Past one machine" section.
 *
 * @example
 * lines.push(...shardSection(result));
 */
export function shardSection(result: ShardResult): string[] {
  const target = shardTarget(result);
  return [
    SHARD_BEGIN,
    '## Past one machine: a sharded PostgreSQL',
    '',
    `${result.rows.toLocaleString('en')} leads, \`bench/shard.bench.ts\` (\`npm run bench -- --only=shard\` runs this part alone and rewrites only this section): ${result.engine}. The parent table is partitioned by hash of the id; each partition is a \`postgres_fdw\` foreign table on one shard, whose real table has the DDL and recommended indexes of \`createTableQueries\` (see [Beyond one machine](backends/sql.md#beyond-one-machine)). The single node is a plain table with the same rows and indexes on the coordinator's server. ${result.loadReport}.`,
    '',
    'Each sharded page is first checked to return the ids of the single-node page; then both run in interleaved rounds (median ms; limit 50; listql with `postgresFdwDialect` on the shards, `postgresDialect` on one node; all three clusters share this machine):',
    '',
    '| query | page | by | rows | one node | sharded | sharded ÷ one node |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...result.pages.map(
      (row) =>
        `| \`${row.query}\` | ${row.page.toLocaleString('en')} | ${row.by} | ${row.rows} | ${fmt(row.singleMs)} | ${fmt(row.shardedMs)} | ${fmt(row.shardedMs / row.singleMs)} |`,
    ),
    '',
    `<details><summary>EXPLAIN (ANALYZE, VERBOSE) of ${result.explainQuery}, sharded</summary>`,
    '',
    '```',
    result.explain,
    '```',
    '',
    '</details>',
    '',
    `Target: ${target.what}: ${target.measured}${target.ok === null ? '' : target.ok ? ' (met)' : ' (missed)'}.`,
    '',
    `Where the sharded time goes: the shards' own work is the single node's (each runs the remote SQL above on its \`(created_at, id)\` index and stops after one \`fetch_size\` batch), but every page costs five round trips per shard (start transaction, declare cursor, fetch, close, commit), one shard after the other (a Merge Append does not run its foreign scans concurrently), against one round trip on a single node. On this machine each round trip waits for a shared CPU, so the ratio follows the load: the 1-minute load average was ${result.loadAverage.toFixed(1)} on 2 cores when these timings started. Across machines the round trips cost network latency instead.`,
    '',
    SHARD_END,
    '',
  ];
}

/** Markers around the section in docs/benchmarks.md. */
export const SHARD_BEGIN = '<!-- begin: sharded PostgreSQL (bench/shard-report.ts) -->';
export const SHARD_END = '<!-- end: sharded PostgreSQL -->';
