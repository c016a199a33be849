/**
 * The pg_trgm search indexes of `createTableQueries(…, { searchIndexes: true })`:
 * PostgreSQL builds them on the very expression `search` compiles to, so the
 * planner serves `search=` from them; the other dialects get none.
 */
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyListQuery,
  createTable,
  createTableQueries,
  insertRows,
  postgresDialect,
  readListRow,
  selectedFields,
} from '../../../src/backends/kysely/index.js';
import { leads, parseListQuery } from '../../../src/index.js';
import { postgresSettings, serverAvailable } from '../../support/databases.js';

// biome-ignore lint/suspicious/noExplicitAny: the table is named at run time.
type AnyKysely = Kysely<any>;

const available = await serverAvailable('PostgreSQL', postgresSettings);
const TABLE = `search_index_${process.pid}_${Date.now()}`;

/** Leads whose name, email or phone hold the search term in various cases, among many that do not. */
function rows(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `lead_${String(i).padStart(5, '0')}`,
    name: i % 97 === 0 ? `Zed QUUXLY ${i}` : `Person ${i}`,
    email: i % 89 === 0 ? `quuxly.${i}@example.com` : `p${i}@example.com`,
    phone: i % 101 === 0 ? `+1 QuUxLy ${i}` : `+1 555 ${i}`,
    status: 'open',
    source: 'api',
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
}

function expectedIds(all: readonly Record<string, unknown>[], term: string): string[] {
  const hit = (text: unknown) => typeof text === 'string' && text.toLowerCase().includes(term);
  return all
    .filter((r) => hit(r['name']) || hit(r['email']) || hit(r['phone']))
    .map((r) => r['id'] as string);
}

describe.skipIf(!available)('PostgreSQL trigram search indexes', () => {
  let pool: pg.Pool;
  let db: AnyKysely;
  const data = rows(3_000);

  beforeAll(async () => {
    // One connection, so the session setting below applies to every query.
    pool = new pg.Pool({
      host: postgresSettings.host,
      port: postgresSettings.port,
      user: postgresSettings.user,
      ...(postgresSettings.password === undefined ? {} : { password: postgresSettings.password }),
      database: postgresSettings.database,
      max: 1,
    });
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await createTable(db, leads, { table: TABLE, searchIndexes: true });
    await insertRows(db, leads, data, { table: TABLE });
    await sql`analyze ${sql.table(TABLE)}`.execute(db);
  });

  afterAll(async () => {
    await db?.schema.dropTable(TABLE).ifExists().execute();
    await db?.destroy();
  });

  it('creates the extension first and one GIN index per searchable column', () => {
    const queries = createTableQueries(db, leads, { table: 'leads', searchIndexes: true });
    expect(queries.extensions.map((q) => q.compile(db).sql)).toEqual([
      'create extension if not exists pg_trgm',
    ]);
    const trigram = queries.indexes.map((q) => q.compile().sql).filter((s) => s.includes('gin'));
    expect(trigram).toEqual(
      leads.searchable.map(
        (f) =>
          `create index "leads_${f}_trgm_idx" on "leads" using gin ((lower("${f}" collate "C")) gin_trgm_ops)`,
      ),
    );
  });

  it('serves search from the trigram indexes, with the same rows as without them', async () => {
    const query = parseListQuery(leads, 'search=QuuXly&limit=100&sort=createdAt:asc');
    const compiled = applyListQuery(db.selectFrom(TABLE), leads, query, {
      dialect: postgresDialect,
    }).compile();
    // On a table this small the planner prefers a scan (of the table, or of
    // the sort's index); forbid both to see whether the trigram indexes apply.
    await sql`set enable_seqscan = off`.execute(db);
    await sql`set enable_indexscan = off`.execute(db);
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    for (const field of leads.searchable) expect(text).toContain(`${TABLE}_${field}_trgm_idx`);
    const withIndex = await db.executeQuery<Record<string, unknown>>(compiled);
    await sql`reset enable_seqscan`.execute(db);
    await sql`reset enable_indexscan`.execute(db);
    await sql`set enable_bitmapscan = off`.execute(db);
    const withoutIndex = await db.executeQuery<Record<string, unknown>>(compiled);
    await sql`reset enable_bitmapscan`.execute(db);
    const fields = selectedFields(leads, 'all');
    const ids = (result: { rows: Record<string, unknown>[] }) =>
      result.rows.map((row) => readListRow(fields, row)['id']);
    expect(ids(withIndex)).toEqual(expectedIds(data, 'quuxly'));
    expect(ids(withoutIndex)).toEqual(ids(withIndex));
  });
});

describe('search indexes on the other dialects', () => {
  it('SQLite gets no trigram index and no extension: it cannot index a leading-wildcard LIKE', () => {
    const db: AnyKysely = new Kysely({
      dialect: new SqliteDialect({ database: new Database(':memory:') }),
    });
    const withSearch = createTableQueries(db, leads, { table: 'leads', searchIndexes: true });
    const without = createTableQueries(db, leads, { table: 'leads' });
    expect(withSearch.extensions).toEqual([]);
    expect(withSearch.indexes.map((q) => q.compile().sql)).toEqual(
      without.indexes.map((q) => q.compile().sql),
    );
  });
});
