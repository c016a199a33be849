/**
 * listql on a sharded PostgreSQL (test/support/pg-shards.ts): a parent table
 * partitioned by hash of the id over `postgres_fdw` foreign tables on two
 * clusters started for this file.
 *
 * - The differential test's generated datasets and queries return on the
 *   shards exactly what they return on one server (rows, order, hasMore,
 *   total), and cursor walks see every row once, in order.
 * - EXPLAIN shows each page as a Merge Append of one sorted foreign scan per
 *   shard whose Remote SQL carries the filter, the keyset seek and the ORDER
 *   BY, served by an index on the shard, with the LIMIT on the coordinator
 *   bounding what each shard sends.
 *
 * Starting the clusters takes seconds: one setup for the whole file.
 */
import fc from 'fast-check';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyListQuery,
  createTable,
  insertRows,
  postgresDialect,
  postgresFdwDialect,
  runListQuery,
  type SqlDialect,
} from '../../../src/backends/kysely/index.js';
import { runInMemory } from '../../../src/backends/memory/index.js';
import { widenForCursor } from '../../../src/http/next-cursor.js';
import { type ListQuery, parseListQuery, positionOf, type Resource } from '../../../src/index.js';
import { generateLeads } from '../../../src/testing/index.js';
import type { EngineResult, LoadedDataset } from '../../support/engine.js';
import { pgliteEngine, postgresEngine, uniqueTableName } from '../../support/engines/kysely.js';
import { caseArbitrary, resource } from '../../support/generated-cases.js';
import {
  analyzeShardedTable,
  createShardedTable,
  dropShardedTable,
  indexShardedTable,
  loadShardedRows,
  openShardedPostgres,
  type ShardedPostgres,
  shardedPostgresEngine,
} from '../../support/pg-shards.js';

/** A fixed seed: the sharded setup is slow, and a failure must replay. */
const SEED = 20_261_201;

let sharded: ShardedPostgres | undefined;
const single = postgresEngine();

beforeAll(async () => {
  sharded = await openShardedPostgres(2);
}, 120_000);

afterAll(async () => {
  await single.close();
  await sharded?.close();
}, 60_000);

/** What must be equal on the shards and on one server; an estimate is only a count. */
function comparable(result: EngineResult) {
  return {
    data: result.data,
    hasMore: result.hasMore,
    total: result.count === 'estimated' ? 'an estimate' : result.total,
  };
}

/** Loads `rows` on one server and on the shards, runs `work`, drops both. */
async function onBoth(
  on: Resource,
  rows: Parameters<typeof single.load>[1],
  work: (one: LoadedDataset, shards: LoadedDataset) => Promise<void>,
): Promise<void> {
  const one = await single.load(on, rows);
  try {
    const shards = await shardedPostgresEngine(sharded!).load(on, rows);
    try {
      await work(one, shards);
    } finally {
      await shards.drop();
    }
  } finally {
    await one.drop();
  }
}

describe('listql on a sharded PostgreSQL (postgres_fdw, two shards)', () => {
  it('returns what one server returns for the differential test’s queries', async () => {
    if (!sharded) return;
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ([on, rows, queries]) => {
        await onBoth(on, rows, async (one, shards) => {
          for (const query of queries) {
            const expected = await one.run(query);
            const actual = await shards.run(query);
            expect(comparable(actual)).toEqual(comparable(expected));
            if (actual.count === 'estimated') {
              expect(Number.isSafeInteger(actual.total) && actual.total! >= 0).toBe(true);
            }
          }
        });
      }),
      { seed: SEED, numRuns: 30 },
    );
  }, 600_000);

  it('walks every page by cursor as one server does: every row once, in order', async () => {
    if (!sharded) return;
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ([on, rows, queries]) => {
        await onBoth(on, rows, async (one, shards) => {
          for (const query of queries.slice(0, 4)) {
            const start = {
              ...widenForCursor(query).query,
              after: null,
              page: { ...query.page, page: 1 },
            };
            const everything = await one.run({
              ...start,
              page: { limit: rows.length + 1, page: 1 },
            });
            const seen = await walk(on, shards, start, rows.length + 1);
            expect(seen).toEqual(everything.data);
          }
        });
      }),
      { seed: SEED + 1, numRuns: 10 },
    );
  }, 600_000);
});

/** Every row of `start`'s result, page after page by cursor. */
async function walk(
  on: Resource,
  dataset: LoadedDataset,
  start: ListQuery,
  maxPages: number,
): Promise<unknown[]> {
  const seen: unknown[] = [];
  let next = start;
  for (let page = 1; ; page++) {
    expect(page, 'the walk never ends').toBeLessThanOrEqual(maxPages);
    const result = await dataset.run(next);
    seen.push(...result.data);
    if (!result.hasMore) return seen;
    const last = result.data.at(-1)!;
    next = { ...next, after: positionOf(on, next.sort, last) };
  }
}

describe('postgresFdwDialect on one server (PGlite, no shards needed)', () => {
  const engine = pgliteEngine();
  afterAll(() => engine.close());

  it('returns what the memory backend returns for the differential test’s queries', async () => {
    const db = engine.kysely();
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ([on, rows, queries]) => {
        const table = uniqueTableName('lq_fdw');
        await createTable(db, on, { table });
        try {
          const byField = rows.map((row) =>
            Object.fromEntries(on.fieldList.map((f) => [f.name, row[f.column]])),
          );
          await insertRows(db, on, byField, { table });
          for (const query of queries) {
            const expected = runInMemory(on, query, rows);
            const actual = await runListQuery(db, on, query, {
              table,
              dialect: postgresFdwDialect,
            });
            expect({ data: actual.data, hasMore: actual.hasMore }).toEqual({
              data: expected.data,
              hasMore: expected.hasMore,
            });
            // A cursor page after the first page of the same query, widened for positions.
            const start = {
              ...widenForCursor(query).query,
              after: null,
              page: { ...query.page, page: 1 },
            };
            const first = runInMemory(on, start, rows);
            const last = first.data.at(-1);
            if (last === undefined || !first.hasMore) continue;
            const next = { ...start, after: positionOf(on, start.sort, last) };
            const reference = runInMemory(on, next, rows);
            const page = await runListQuery(db, on, next, { table, dialect: postgresFdwDialect });
            expect(page.data).toEqual(reference.data);
          }
        } finally {
          await db.schema.dropTable(table).execute();
        }
      }),
      { seed: SEED + 2, numRuns: 10 },
    );
  }, 600_000);
});

describe('EXPLAIN on the shards: filter, keyset and order pushed down', () => {
  const leadsTable = `lq_sharded_explain_${process.pid}`;
  const on = resource;
  const limit = 20;

  beforeAll(async () => {
    if (!sharded) return;
    await createShardedTable(sharded, on, leadsTable, { indexes: false });
    const leads = generateLeads(6_000, 7) as unknown as Record<string, unknown>[];
    await loadShardedRows(sharded, on, leadsTable, leads);
    await indexShardedTable(sharded, on, leadsTable);
    await analyzeShardedTable(sharded, leadsTable);
  }, 300_000);

  afterAll(async () => {
    if (sharded) await dropShardedTable(sharded, leadsTable);
  }, 60_000);

  function parse(text: string): ListQuery {
    return parseListQuery(on, text) as ListQuery;
  }

  /** The cursor query continuing after page 3 of `text`. */
  async function cursorQuery(text: string): Promise<ListQuery> {
    const db = sharded!.coordinator;
    const previous = parse(`${text}&limit=${limit}&page=3`);
    const rows = await applyListQuery(db.selectFrom(leadsTable), on, previous, {
      dialect: postgresFdwDialect,
    }).execute();
    const { readListRow, selectedFields } = await import('../../../src/backends/kysely/index.js');
    const last = readListRow(selectedFields(on, previous.select), rows.at(-1)!);
    return { ...parse(`${text}&limit=${limit}`), after: positionOf(on, previous.sort, last) };
  }

  async function explain(query: ListQuery, dialect: SqlDialect): Promise<string> {
    const db = sharded!.coordinator;
    const compiled = applyListQuery(db.selectFrom(leadsTable), on, query, { dialect }).compile();
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, verbose, costs off, timing off) ${compiled.sql}`, [
        ...compiled.parameters,
      ]),
    );
    return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  /** The shard's own plan for a Remote SQL, planned as postgres_fdw runs it (a cursor). */
  async function shardPlan(shard: number, remoteSql: string): Promise<string> {
    const db = sharded!.shards[shard]!;
    const plan = await sql<{
      'QUERY PLAN': string;
    }>`explain declare c cursor for ${sql.raw(remoteSql)}`.execute(db);
    return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  const cases: readonly [string, RegExp, RegExp][] = [
    [
      'sort=createdAt:desc',
      /WHERE .*created_at <= /,
      /ORDER BY created_at DESC NULLS FIRST, id DESC/,
    ],
    [
      'status=won,lost&value[gte]=100&sort=createdAt:desc',
      /WHERE .*status = ANY .*value >= .*created_at </,
      /ORDER BY created_at DESC NULLS FIRST, id DESC/,
    ],
    ['sort=value:desc', /WHERE .*value IS NULL/, /ORDER BY value DESC NULLS LAST, id DESC/],
    ['sort=name', /WHERE .*name > /, /ORDER BY name ASC NULLS LAST, id ASC NULLS LAST/],
    ['search=an&sort=createdAt:desc', /WHERE .*lower\(name\) ~~ /, /ORDER BY created_at DESC/],
  ];

  it.each(cases)(
    '%s: a cursor page is a Merge Append of shard index scans',
    async (text, where, order) => {
      if (!sharded) return;
      const plan = await explain(await cursorQuery(text), postgresFdwDialect);
      const lines = plan.split('\n').filter((line) => !/^\s*Output:/.test(line));
      expect(lines[0]).toMatch(/^Limit /);
      expect(lines[1]).toMatch(/Merge Append/);
      // Nothing sorted or filtered on the coordinator: the shards did both.
      expect(plan).not.toMatch(/\bSort Method\b|^\s*Filter:/m);
      const scans = lines.filter((line) => line.includes('Foreign Scan on'));
      expect(scans).toHaveLength(2);
      const remote = lines
        .filter((line) => line.includes('Remote SQL:'))
        .map((line) => line.replace(/^.*Remote SQL: /, ''));
      expect(remote).toHaveLength(2);
      for (const [i, remoteSql] of remote.entries()) {
        expect(remoteSql).toMatch(where);
        expect(remoteSql).toMatch(order);
        // Each shard is stopped after the rows the page needs (the Limit),
        // not read to the end: at most limit + 1 rows come back from each.
        const rows = Number(/rows=(\d+)/.exec(scans[i]!)?.[1]);
        expect(rows).toBeLessThanOrEqual(limit + 1);
        expect(await shardPlan(i, remoteSql)).toMatch(/Index Scan/);
      }
    },
    60_000,
  );

  it('a row-value seek (postgresDialect) would stay on the coordinator, hence postgresFdwDialect', async () => {
    if (!sharded) return;
    const plan = await explain(await cursorQuery('sort=createdAt:desc'), postgresDialect);
    expect(plan).toMatch(/Filter: \(ROW\(/);
    expect(plan).not.toMatch(/Remote SQL: .*WHERE/);
  }, 60_000);
});
