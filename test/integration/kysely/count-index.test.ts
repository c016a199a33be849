/**
 * countIndex: the index that answers a filter's exact count from the index
 * alone, checked with EXPLAIN on SQLite (a covering index) and PostgreSQL
 * (an index-only scan), with the count equal to the memory backend's.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../bench/support/synthetic-leads.js';
import {
  applyListCount,
  countIndex,
  createTable,
  insertRows,
  recommendedIndexes,
  runListQuery,
  sqlDialectOf,
} from '../../../src/backends/kysely/index.js';
import { runInMemory } from '../../../src/backends/memory/index.js';
import { leads, parseListQuery } from '../../../src/index.js';
import { postgresSettings, serverAvailable } from '../../support/databases.js';
import {
  type AnyKysely,
  postgresEngine,
  sqliteEngine,
  uniqueTableName,
} from '../../support/engines/kysely.js';

const ROWS = generateLeads(3000, 8) as unknown as Record<string, unknown>[];
const QUERY = parseListQuery(leads, 'status=won,lost&value[gte]=100');

describe('countIndex', () => {
  it('puts equality fields first, then ranges, then the rest, whatever the node kinds', () => {
    expect(countIndex(leads, QUERY.filter)).toEqual(['status', 'value']);
    const mixed = parseListQuery(
      leads,
      'createdAt[gte]=2026-01-01&qualifiedAt[exists]=true&source=api&value[lt]=5',
    );
    expect(countIndex(leads, mixed.filter)).toEqual([
      'source',
      'value',
      'createdAt',
      'qualifiedAt',
    ]);
  });
});

const pgAvailable = await serverAvailable('PostgreSQL', postgresSettings);

const setups = [
  { name: 'SQLite', engine: sqliteEngine, explain: 'explain query plan ', only: /COVERING INDEX/ },
  ...(pgAvailable
    ? [
        {
          name: 'PostgreSQL',
          engine: () => postgresEngine(),
          explain: 'explain ',
          only: /Index Only Scan/,
        },
      ]
    : []),
];

describe.each(setups)('$name answers the count from the index alone', (setup) => {
  const engine = setup.engine();
  const tables: string[] = [];
  afterAll(async () => {
    for (const table of tables) await engine.kysely().schema.dropTable(table).ifExists().execute();
    await engine.close();
  });

  async function planOfCount(db: AnyKysely, withCountIndex: boolean): Promise<string> {
    const table = uniqueTableName('countidx');
    tables.push(table);
    const dialect = sqlDialectOf(db);
    const indexes = [...recommendedIndexes(leads, dialect)];
    if (withCountIndex) indexes.push(countIndex(leads, QUERY.filter));
    await createTable(db, leads, { table, indexes });
    await insertRows(db, leads, ROWS, { table });
    // PostgreSQL's index-only scan needs the visibility map VACUUM sets.
    await sql`${sql.raw(dialect.name === 'postgres' ? 'vacuum analyze' : 'analyze')} ${sql.table(table)}`.execute(
      db,
    );
    const compiled = applyListCount(db.selectFrom(table), leads, QUERY, { dialect }).compile();
    const plan = await db.executeQuery(
      CompiledQuery.raw(`${setup.explain}${compiled.sql}`, [...compiled.parameters]),
    );
    const result = await runListQuery(db, leads, QUERY, { table });
    expect(result.total).toBe(runInMemory(leads, QUERY, ROWS).total);
    return plan.rows.map((row) => Object.values(row as object).join(' ')).join('\n');
  }

  it('with countIndex, and not without it', async () => {
    const db = engine.kysely();
    expect(await planOfCount(db, true)).toMatch(setup.only);
    expect(await planOfCount(db, false)).not.toMatch(setup.only);
  }, 120_000);
});
