/**
 * The SQL shape of keyset pages and the count strategies, on real databases:
 * - a cursor page on the default sort `createdAt:desc, id:desc` is one
 *   row-value comparison that PostgreSQL and SQLite answer from the
 *   `(createdAt, id)` index, with no sort step (checked with EXPLAIN);
 * - mixed directions or nullable keys fall back to the OR chain;
 * - `exact`, `estimated` and `none` on each dialect: what `total` is and
 *   which strategy is reported.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../bench/support/synthetic-leads.js';
import {
  applyListQuery,
  createTable,
  insertRows,
  runListQuery,
  sqlDialectOf,
} from '../../../src/backends/kysely/index.js';
import { runInMemory } from '../../../src/backends/memory/index.js';
import { type ListQuery, leads, parseListQuery, positionOf } from '../../../src/index.js';
import { mysqlSettings, postgresSettings, serverAvailable } from '../../support/databases.js';
import {
  type AnyKysely,
  type KyselyEngine,
  mariadbEngine,
  pgliteEngine,
  postgresEngine,
  sqliteEngine,
  uniqueTableName,
} from '../../support/engines/kysely.js';

const ROWS = generateLeads(4000, 3) as unknown as Record<string, unknown>[];
const byName = new Map(ROWS.map((row) => [row['id'], row]));

/** The default-sort query for the page after row `id`. */
function pageAfter(id: string, text = 'limit=20'): ListQuery {
  const query = parseListQuery(leads, text);
  return { ...query, after: positionOf(leads, query.sort, byName.get(id)!) };
}

/** The SQL of a query on `table`, compiled for `dialect`, with one row past the page. */
function compiledPage(db: AnyKysely, query: ListQuery, table: string) {
  return applyListQuery(db.selectFrom(table), leads, query, { dialect: sqlDialectOf(db), table })
    .limit(query.page.limit + 1)
    .compile();
}

describe('the keyset condition as SQL', () => {
  const db = sqliteEngine().kysely();
  const table = 'leads';

  it('is a row-value comparison when every key sorts one way over non-null fields', () => {
    const { sql: text } = compiledPage(db, pageAfter(String(ROWS[10]!['id'])), table);
    // The collation on the bound value: SQLite's index serves a row value of bare columns only.
    expect(text).toContain('("leads"."createdAt", "leads"."id") < (?, ? collate binary)');
  });

  it('is the OR chain with mixed directions or a nullable key', () => {
    const mixed = pageAfter(String(ROWS[10]!['id']), 'sort=createdAt:asc,updatedAt:desc');
    expect(compiledPage(db, mixed, table).sql).not.toMatch(/\) [<>] \(/);
    const nullable = pageAfter(String(ROWS[10]!['id']), 'sort=value');
    expect(compiledPage(db, nullable, table).sql).toContain('is null');
  });
});

/** Loads the rows into a fresh leads table with the recommended indexes, and analyzes it. */
async function loadLeads(db: AnyKysely, analyze: boolean): Promise<string> {
  const table = uniqueTableName('keyset');
  await createTable(db, leads, { table });
  await insertRows(db, leads, ROWS, { table });
  if (analyze) {
    const keyword = sqlDialectOf(db).name === 'mysql' ? sql`analyze table` : sql`analyze`;
    await sql`${keyword} ${sql.table(table)}`.execute(db);
  }
  return table;
}

const pgAvailable = await serverAvailable('PostgreSQL', postgresSettings);
const mariaAvailable = await serverAvailable('MariaDB', mysqlSettings);

const planEngines: {
  name: string;
  engine: () => KyselyEngine;
  explain: string;
  /** The seek as an index range, not a filter over a full index scan. */
  range: RegExp;
}[] = [
  {
    name: 'SQLite',
    engine: sqliteEngine,
    explain: 'explain query plan ',
    range: /SEARCH .*createdAt_id\S* \(\(createdAt,id\)<\(\?,\?\)\)/,
  },
  ...(pgAvailable
    ? [
        {
          name: 'PostgreSQL',
          engine: () => postgresEngine(),
          explain: 'explain ',
          range: /Index Cond: \(ROW\("createdAt", id\) < ROW/,
        },
      ]
    : [
        {
          name: 'PGlite',
          engine: pgliteEngine,
          explain: 'explain ',
          range: /Index Cond: \(ROW\("createdAt", id\) < ROW/,
        },
      ]),
];

describe.each(planEngines)('$name serves a cursor page from the (createdAt, id) index', (setup) => {
  const engine = setup.engine();
  let db: AnyKysely;
  let table: string;
  beforeAll(async () => {
    db = engine.kysely();
    table = await loadLeads(db, true);
  }, 60_000);
  afterAll(async () => {
    await db?.schema.dropTable(table).ifExists().execute();
    await engine.close();
  });

  it('with no sort step, and returns the rows after the position', async () => {
    const middle = runInMemory(leads, parseListQuery(leads, 'limit=100&page=20'), ROWS).data[0]!;
    const query = pageAfter(String(middle['id']));
    const compiled = compiledPage(db, query, table);
    const plan = await db.executeQuery(
      CompiledQuery.raw(`${setup.explain}${compiled.sql}`, [...compiled.parameters]),
    );
    const text = plan.rows.map((row) => Object.values(row as object).join(' ')).join('\n');
    // The index on (createdAt, id) is named after its columns.
    expect(text).toMatch(/createdAt_id/);
    expect(text).toMatch(setup.range);
    expect(text).not.toMatch(/TEMP B-TREE|Sort/i);
    const result = await runListQuery(db, leads, query, { table });
    expect(result.data).toEqual(runInMemory(leads, query, ROWS).data);
  });
});

/** How each dialect answers `estimated` above the threshold: a planner's estimate, or a capped count. */
const countEngines: { name: string; engine: () => KyselyEngine; estimates: 'plan' | 'cap' }[] = [
  { name: 'SQLite', engine: sqliteEngine, estimates: 'cap' },
  { name: 'PGlite', engine: pgliteEngine, estimates: 'plan' },
  ...(pgAvailable
    ? [{ name: 'PostgreSQL', engine: () => postgresEngine(), estimates: 'plan' as const }]
    : []),
  ...(mariaAvailable
    ? [{ name: 'MariaDB', engine: () => mariadbEngine(), estimates: 'plan' as const }]
    : []),
];

describe.each(countEngines)('$name: count strategies', (setup) => {
  const engine = setup.engine();
  let db: AnyKysely;
  let table: string;
  const run = (text: string) => runListQuery(db, leads, parseListQuery(leads, text), { table });
  const won = ROWS.filter((row) => row['status'] === 'won').length;
  beforeAll(async () => {
    db = engine.kysely();
    table = await loadLeads(db, setup.estimates === 'plan');
  }, 60_000);
  afterAll(async () => {
    await db?.schema.dropTable(table).ifExists().execute();
    await engine.close();
  });

  it('exact counts every match', async () => {
    expect(await run('status=won&limit=5')).toMatchObject({ total: won, count: 'exact' });
  });

  it('none runs no count: total null, hasMore from the row past the page', async () => {
    const lastPage = Math.ceil(won / 100);
    expect(lastPage).toBeGreaterThan(1);
    const more = await run(`status=won&limit=100&page=${lastPage - 1}&count=none`);
    expect(more).toMatchObject({ total: null, count: 'none', hasMore: true });
    const end = await run(`status=won&limit=100&page=${lastPage}&count=none`);
    expect(end).toMatchObject({ total: null, count: 'none', hasMore: false });
    expect(end.data).toHaveLength(won - (lastPage - 1) * 100);
  });

  it('estimated counts exactly below the threshold, and says so', async () => {
    expect(await run('count=estimated&limit=5')).toMatchObject({
      total: ROWS.length,
      count: 'exact',
    });
    expect(await run('status=won&count=estimated&limit=5')).toMatchObject({
      total: won,
      count: 'exact',
    });
  });

  it(
    setup.estimates === 'cap'
      ? 'estimated above the threshold is the cap, a lower bound'
      : "estimated above the threshold is the planner's estimate",
    async () => {
      const runWith = (text: string, estimateThreshold: number) =>
        runListQuery(db, leads, parseListQuery(leads, text), { table, estimateThreshold });
      const all = await runWith('count=estimated&limit=5', 100);
      const filtered = await runWith('status=won&count=estimated&limit=5', 100);
      if (setup.estimates === 'cap') {
        expect(all).toMatchObject({ total: 100, count: 'estimated', hasMore: true });
        expect(filtered).toMatchObject({ total: 100, count: 'estimated' });
        // A cap above the matches is an exact count.
        const few = await runWith('status=won&count=estimated&limit=5', won + 1);
        expect(few).toMatchObject({ total: won, count: 'exact' });
        return;
      }
      expect(all.count).toBe('estimated');
      expect(filtered.count).toBe('estimated');
      // Freshly analyzed: a guess, not a count, but close to the truth on these statistics.
      expect(all.total!).toBeGreaterThan(ROWS.length / 2);
      expect(all.total!).toBeLessThan(ROWS.length * 2);
      expect(Number.isSafeInteger(filtered.total)).toBe(true);
      expect(filtered.total!).toBeGreaterThan(won / 2);
      expect(filtered.total!).toBeLessThan(won * 2);
    },
  );

  it('refuses a threshold that is not a positive integer', async () => {
    await expect(
      runListQuery(db, leads, parseListQuery(leads, 'count=estimated'), {
        table,
        estimateThreshold: 0,
      }),
    ).rejects.toThrow(/estimateThreshold/);
  });
});
