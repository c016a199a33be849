/**
 * The behaviour every Kysely engine must show, on a real database: each test
 * states the expected ids explicitly AND checks that the engine returns
 * exactly what the in-memory reference returns (rows, order, total).
 *
 * Each engine's test file calls {@link describeKyselyBackend} once.
 */

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, runListQuery, sqlDialectOf } from '../../../src/backends/kysely/index.js';
import { runInMemory } from '../../../src/backends/memory/index.js';
import {
  and,
  comparison,
  defineResource,
  exists,
  type FilterNode,
  inList,
  type ListQuery,
  leads,
  not,
  or,
  parseListQuery,
  type Resource,
  search,
  snakeCase,
  withColumns,
} from '../../../src/index.js';
import type { EngineResult, LoadedDataset, StoredRow } from '../../support/engine.js';
import {
  type AnyKysely,
  type KyselyEngine,
  uniqueTableName,
} from '../../support/engines/kysely.js';

/** The leads resource with snake_case columns, so the column mapping is exercised too. */
export const leadsTable = withColumns(leads, snakeCase);

/** A small resource with a boolean and a nullable date, both sortable. */
export const tasks = defineResource({
  name: 'tasks',
  fields: {
    id: { type: 'string', sortable: true },
    title: { type: 'string', nullable: true, sortable: true, searchable: true, filter: ['eq'] },
    done: { type: 'boolean', nullable: true, sortable: true, filter: ['eq', 'exists'] },
    due: {
      type: 'datetime',
      nullable: true,
      sortable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'],
    },
    priority: { type: 'number', sortable: true, filter: ['eq', 'gt', 'gte', 'lt', 'lte'] },
  },
  defaults: { sort: 'id:asc' },
});

/** A resource for a table whose text columns have a case-insensitive or linguistic collation. */
const notes = defineResource({
  name: 'notes',
  fields: {
    id: { type: 'string', sortable: true },
    name: { type: 'string', nullable: true, sortable: true, searchable: true, filter: ['eq'] },
  },
  defaults: { sort: 'id:asc' },
});

/**
 * Creates a `notes` table whose collation disagrees with code point order
 * and exact equality: an ICU or libc linguistic collation on PostgreSQL,
 * utf8mb4_general_ci (case-insensitive, PAD SPACE) on MariaDB, NOCASE on SQLite.
 */
async function createForeignCollationTable(db: AnyKysely, table: string): Promise<void> {
  const dialect = sqlDialectOf(db);
  if (dialect.name === 'postgres') {
    const { rows } = await sql<{ collname: string }>`select collname from pg_collation
      where collname in ('und-x-icu', 'unicode', 'en_US.utf8', 'en_US') order by collname desc`.execute(
      db,
    );
    const collation = rows[0]?.collname;
    if (collation === undefined) throw new Error('no linguistic collation on this PostgreSQL');
    const c = sql.id(collation);
    await sql`create table ${sql.id(table)} (id text collate ${c} primary key, name text collate ${c})`.execute(
      db,
    );
  } else if (dialect.name === 'mysql') {
    await sql`create table ${sql.id(table)} (id varchar(255) primary key, name text)
      character set utf8mb4 collate utf8mb4_general_ci`.execute(db);
  } else {
    await sql`create table ${sql.id(table)} (id text collate nocase primary key, name text collate nocase)`.execute(
      db,
    );
  }
}

/** A lead row keyed by column, every column present: nulls unless overridden (by field name). */
export function leadRow(id: string, fields: Readonly<Record<string, unknown>> = {}): StoredRow {
  const row: Record<string, unknown> = {};
  for (const field of leadsTable.fieldList) row[field.column] = null;
  Object.assign(row, {
    id,
    status: 'open',
    source: 'inbound',
    created_at: '2026-01-15T12:00:00.000Z',
    updated_at: '2026-01-15T12:00:00.000Z',
  });
  for (const [name, value] of Object.entries(fields)) {
    row[leadsTable.fields.get(name)!.column] = value;
  }
  return row;
}

const LEADS: readonly StoredRow[] = [
  leadRow('l01', {
    name: 'John Doe',
    email: 'john@example.com',
    phone: '+1 555 0100',
    status: 'won',
    value: 150,
    source: 'gtm',
    gclid: 'Cj0KCQ',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-20T10:00:00.000Z',
    qualifiedAt: '2026-01-05T00:00:00.000Z',
    ad_storage: true,
  }),
  leadRow('l02', {
    name: 'JOHNNY B',
    email: null,
    status: 'lost',
    value: 99.5,
    source: 'wordpress',
    createdAt: '2025-12-31T23:59:59.999Z',
    ad_storage: false,
  }),
  leadRow('l03', {
    name: 'Éclair',
    email: 'eclair@mail.test',
    status: 'won',
    value: null,
    source: 'wordpress',
    gclid: 'Cj0Kxyz',
    createdAt: '2026-01-31T23:59:59.999Z',
    qualifiedAt: '2026-02-01T00:00:00.000Z',
  }),
  leadRow('l04', {
    name: "O'Brien 100%_off\\",
    status: 'qualified',
    value: -3,
    source: 'api',
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2024-01-15T10:00:00.000Z',
  }),
  leadRow('l05', {
    name: null,
    email: 'JOHN@EXAMPLE.COM',
    status: 'open',
    value: 0,
    source: 'gtm',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2024-01-15T10:00:00.001Z',
  }),
  leadRow('l06', {
    name: 'é',
    status: 'lost',
    value: 1000000,
    source: 'import',
    createdAt: '2026-01-15T10:00:00.000Z',
  }),
];

/** Runs `query` on the engine and on the in-memory reference; they must agree. */
async function runBoth(
  dataset: LoadedDataset,
  resource: Resource,
  rows: readonly StoredRow[],
  query: ListQuery,
): Promise<EngineResult> {
  const actual = await dataset.run(query);
  const expected = runInMemory(resource, query, rows);
  expect(actual).toEqual(expected);
  return actual;
}

const ids = (result: EngineResult): unknown[] => result.data.map((row) => row['id']);

/** The query `text` (default: ids only) with `filter` as its filter, sorted by id. */
function withFilter(resource: Resource, filter: FilterNode, text = 'fields=id'): ListQuery {
  const base = parseListQuery(resource, text);
  return { ...base, filter, sort: [{ field: resource.idField, direction: 'asc' }] };
}

/**
 * The shared suite. `makeEngine` returns undefined when the engine's server is
 * unreachable outside CI (the file then skips, after a loud message).
 */
export function describeKyselyBackend(
  name: string,
  makeEngine: () => KyselyEngine | undefined,
): void {
  const engine = makeEngine();
  describe.skipIf(engine === undefined)(`Kysely backend on ${name}`, () => {
    let open: KyselyEngine;
    let leadsData: LoadedDataset;
    const leadsQuery = (text: string): Promise<EngineResult> =>
      runBoth(leadsData, leadsTable, LEADS, parseListQuery(leadsTable, text));
    const leadsFilter = (filter: FilterNode): Promise<EngineResult> =>
      runBoth(leadsData, leadsTable, LEADS, withFilter(leadsTable, filter));

    beforeAll(async () => {
      open = engine!;
      leadsData = await open.load(leadsTable, LEADS);
    });
    afterAll(async () => {
      await leadsData?.drop();
      await open?.close();
    });

    describe('the examples of the spec', () => {
      it('status=won&value[gte]=100&sort=value:desc&fields=id,name,value', async () => {
        const result = await leadsQuery(
          'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
        );
        expect(result).toEqual({
          data: [{ id: 'l01', name: 'John Doe', value: 150 }],
          total: 1,
          hasMore: false,
          count: 'exact',
        });
      });

      it('createdAt range by days with gclid[exists]=true', async () => {
        const result = await leadsQuery(
          'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true&fields=id',
        );
        expect(ids(result)).toEqual(['l03', 'l01']);
      });

      it('search=john&source=gtm,wordpress&limit=1&page=2', async () => {
        const result = await leadsQuery(
          'search=john&source=gtm,wordpress&limit=1&page=2&fields=id',
        );
        // Matches l01 (name, email), l02 (JOHNNY), l05 (JOHN@…); newest first: l05, l01, l02.
        expect(result).toEqual({ data: [{ id: 'l01' }], total: 3, hasMore: true, count: 'exact' });
      });

      it('updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc (a polling integration)', async () => {
        const result = await leadsQuery(
          'updated_after=2024-01-15T10:00:00Z&sort=updated_at:asc&fields=id',
        );
        expect(ids(result).slice(0, 2)).toEqual(['l04', 'l05']);
        expect(result.total).toBe(6);
      });
    });

    describe('every node kind', () => {
      it('comparisons on numbers with every operator, false on null', async () => {
        expect(ids(await leadsFilter(comparison('value', 'eq', 99.5)))).toEqual(['l02']);
        expect(ids(await leadsFilter(comparison('value', 'gt', 99.5)))).toEqual(['l01', 'l06']);
        expect(ids(await leadsFilter(comparison('value', 'gte', 99.5)))).toEqual([
          'l01',
          'l02',
          'l06',
        ]);
        expect(ids(await leadsFilter(comparison('value', 'lt', 0)))).toEqual(['l04']);
        expect(ids(await leadsFilter(comparison('value', 'lte', 0)))).toEqual(['l04', 'l05']);
      });

      it('dates: a day names the whole UTC day, one millisecond matters', async () => {
        const day = (op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte') =>
          comparison('createdAt', op, '2026-01-31');
        expect(ids(await leadsFilter(day('eq')))).toEqual(['l03']);
        expect(ids(await leadsFilter(day('gt')))).toEqual(['l04']);
        expect(ids(await leadsFilter(day('lte')))).toEqual(['l01', 'l02', 'l03', 'l05', 'l06']);
        expect(ids(await leadsFilter(day('lt')))).toEqual(['l01', 'l02', 'l05', 'l06']);
        const instant = comparison('createdAt', 'lt', '2026-01-01T00:00:00.000Z');
        expect(ids(await leadsFilter(instant))).toEqual(['l02']);
        const exact = comparison('createdAt', 'eq', '2026-01-15T10:00:00.000Z');
        expect(ids(await leadsFilter(exact))).toEqual(['l05', 'l06']);
      });

      it('in lists, including an empty list (false) and its negation (true)', async () => {
        expect(ids(await leadsFilter(inList('status', ['won', 'lost'])))).toEqual([
          'l01',
          'l02',
          'l03',
          'l06',
        ]);
        expect(ids(await leadsFilter(inList('value', [0, 150, 7])))).toEqual(['l01', 'l05']);
        expect(ids(await leadsFilter(inList('status', [])))).toEqual([]);
        expect((await leadsFilter(not(inList('labelId', [])))).total).toBe(6);
        const days = inList('createdAt', ['2026-02-01', '2026-01-15T10:00:00.000Z']);
        expect(ids(await leadsFilter(days))).toEqual(['l04', 'l05', 'l06']);
      });

      it('exists true and false', async () => {
        expect(ids(await leadsFilter(exists('gclid', true)))).toEqual(['l01', 'l03']);
        expect(ids(await leadsFilter(exists('qualifiedAt', false)))).toEqual([
          'l02',
          'l04',
          'l05',
          'l06',
        ]);
        expect(ids(await leadsFilter(not(exists('gclid', true))))).toEqual([
          'l02',
          'l04',
          'l05',
          'l06',
        ]);
      });

      it('and / or, empty and (true) and empty or (false)', async () => {
        expect((await leadsFilter(and([]))).total).toBe(6);
        expect((await leadsFilter(or([]))).total).toBe(0);
        expect((await leadsFilter(not(or([])))).total).toBe(6);
        const either = or([comparison('value', 'lt', 0), inList('source', ['import'])]);
        expect(ids(await leadsFilter(either))).toEqual(['l04', 'l06']);
        const nested = and([either, or([exists('name', true), and([])])]);
        expect(ids(await leadsFilter(nested))).toEqual(['l04', 'l06']);
      });

      it('not is two-valued: a comparison on null is false, so its negation is true', async () => {
        // value is null for l03 only.
        expect(ids(await leadsFilter(not(comparison('value', 'gt', 100))))).toEqual([
          'l02',
          'l03',
          'l04',
          'l05',
        ]);
        expect(ids(await leadsFilter(not(inList('labelId', ['x']))))).toHaveLength(6);
        expect(ids(await leadsFilter(not(not(comparison('value', 'gt', 100)))))).toEqual([
          'l01',
          'l06',
        ]);
        const deMorgan = not(and([comparison('value', 'gte', 0), comparison('name', 'eq', 'é')]));
        expect(ids(await leadsFilter(deMorgan))).toEqual(['l01', 'l02', 'l03', 'l04', 'l05']);
        // Search on nulls: l05 has no name, so it does not match, and its negation does.
        const noName = not(search(['name'], 'o'));
        expect(ids(await leadsFilter(noName))).toEqual(['l03', 'l05', 'l06']);
      });

      it('search: literal, ASCII case-insensitive, null fields never match', async () => {
        expect(ids(await leadsFilter(search(['name', 'email'], 'JOHN')))).toEqual([
          'l01',
          'l02',
          'l05',
        ]);
        expect(ids(await leadsFilter(search(['name'], '100%_OFF\\')))).toEqual(['l04']);
        expect(ids(await leadsFilter(search(['name'], '%')))).toEqual(['l04']);
        expect(ids(await leadsFilter(search(['name'], '_')))).toEqual(['l04']);
        expect(ids(await leadsFilter(search(['name'], '\\')))).toEqual(['l04']);
        expect(ids(await leadsFilter(search(['name'], "o'b")))).toEqual(['l04']);
        // É and é are different letters for every backend: only A–Z fold.
        expect(ids(await leadsFilter(search(['name'], 'é')))).toEqual(['l06']);
        expect(ids(await leadsFilter(search(['name'], 'É')))).toEqual(['l03']);
        expect(ids(await leadsFilter(search(['name'], 'ÉCLAIR')))).toEqual(['l03']);
        expect(ids(await leadsFilter(search(['name'], 'éCLAIR')))).toEqual([]);
        expect(ids(await leadsFilter(search(['name'], '')))).toEqual([
          'l01',
          'l02',
          'l03',
          'l04',
          'l06',
        ]);
        expect(ids(await leadsFilter(search([], 'john')))).toEqual([]);
      });
    });

    describe('ordering', () => {
      it('nulls last in both directions, the id breaking ties', async () => {
        expect(ids(await leadsQuery('sort=value:asc&fields=id'))).toEqual([
          'l04',
          'l05',
          'l02',
          'l01',
          'l06',
          'l03',
        ]);
        expect(ids(await leadsQuery('sort=value:desc&fields=id'))).toEqual([
          'l06',
          'l01',
          'l02',
          'l05',
          'l04',
          'l03',
        ]);
        expect(ids(await leadsQuery('sort=qualifiedAt:desc&fields=id'))).toEqual([
          'l03',
          'l01',
          'l06',
          'l05',
          'l04',
          'l02',
        ]);
        expect(ids(await leadsQuery('sort=createdAt:asc&fields=id'))).toEqual([
          'l02',
          'l01',
          'l05',
          'l06',
          'l03',
          'l04',
        ]);
      });

      it('strings by code point whatever the collation', async () => {
        const names = ['a', 'B', 'é', 'Z', '😀', '\uFFFF', 'a ', 'A', '\uE000', 'b'];
        const rows = names.map((name, i) => leadRow(`n${i}`, { name }));
        const dataset = await open.load(leadsTable, rows);
        try {
          const asc = await runBoth(
            dataset,
            leadsTable,
            rows,
            parseListQuery(leadsTable, 'sort=name:asc&fields=name'),
          );
          expect(asc.data.map((row) => row['name'])).toEqual([
            'A',
            'B',
            'Z',
            'a',
            'a ',
            'b',
            'é',
            '\uE000',
            '\uFFFF',
            '😀',
          ]);
          await runBoth(dataset, leadsTable, rows, parseListQuery(leadsTable, 'sort=name:desc'));
          // Equality is exact too: 'a' is neither 'A' nor 'a '.
          const exact = withFilter(leadsTable, inList('name', ['a']), 'fields=id,name');
          expect(ids(await runBoth(dataset, leadsTable, rows, exact))).toEqual(['n0']);
        } finally {
          await dataset.drop();
        }
      });

      it('ids that differ only by case or a trailing space are distinct rows, ordered by code point', async () => {
        const rows = ['a', 'A', 'a ', 'b', 'B'].map((id) => leadRow(id));
        const dataset = await open.load(leadsTable, rows);
        try {
          const result = await runBoth(
            dataset,
            leadsTable,
            rows,
            parseListQuery(leadsTable, 'sort=createdAt:asc&fields=id'),
          );
          expect(ids(result)).toEqual(['A', 'B', 'a', 'a ', 'b']);
        } finally {
          await dataset.drop();
        }
      });
    });

    describe('a table whose collation is not code point order', () => {
      const names = [
        'a',
        'A',
        'a ',
        'B',
        'b',
        'é',
        'É',
        'Éclair',
        'éclair',
        'Z',
        '😀',
        '\uFFFF',
        null,
      ];
      const rows: StoredRow[] = names.map((text, i) => ({
        id: `n${String(i).padStart(2, '0')}`,
        name: text,
      }));
      const table = uniqueTableName();
      let db: AnyKysely;
      const run = async (query: ListQuery): Promise<EngineResult> => {
        const actual = await runListQuery(db, notes, query, { table });
        const expected = runInMemory(notes, query, rows);
        expect(actual).toEqual(expected);
        return actual;
      };
      const namesOf = (result: EngineResult) => result.data.map((row) => row['name']);
      beforeAll(async () => {
        db = open.kysely();
        await createForeignCollationTable(db, table);
        await insertRows(db, notes, rows, { table });
      });
      afterAll(async () => {
        await db?.schema.dropTable(table).ifExists().execute();
      });

      it('still sorts by code point, nulls last', async () => {
        const asc = await run(parseListQuery(notes, 'sort=name:asc'));
        expect(namesOf(asc)).toEqual([
          'A',
          'B',
          'Z',
          'a',
          'a ',
          'b',
          'É',
          'Éclair',
          'é',
          'éclair',
          '\uFFFF',
          '😀',
          null,
        ]);
        const desc = await run(parseListQuery(notes, 'sort=name:desc'));
        expect(namesOf(desc)).toEqual([
          '😀',
          '\uFFFF',
          'éclair',
          'é',
          'Éclair',
          'É',
          'b',
          'a ',
          'a',
          'Z',
          'B',
          'A',
          null,
        ]);
      });

      it('still compares exactly', async () => {
        expect(ids(await run(parseListQuery(notes, 'name=a')))).toEqual(['n00']);
        expect(ids(await run(parseListQuery(notes, 'name=É')))).toEqual(['n06']);
        expect(ids(await run(withFilter(notes, inList('name', ['A', 'b']))))).toEqual([
          'n01',
          'n04',
        ]);
        expect(ids(await run(withFilter(notes, not(comparison('name', 'eq', 'a')))))).toHaveLength(
          12,
        );
      });

      it('still folds ASCII letters only when searching', async () => {
        expect(ids(await run(parseListQuery(notes, 'search=ÉCLAIR')))).toEqual(['n07']);
        expect(ids(await run(parseListQuery(notes, 'search=é')))).toEqual(['n05', 'n08']);
        expect(ids(await run(parseListQuery(notes, 'search=A')))).toEqual([
          'n00',
          'n01',
          'n02',
          'n07',
          'n08',
        ]);
      });
    });

    it('sorts the right column when field and column names cross', async () => {
      // Field id lives in column "name" and field name in column "id".
      const crossed = withColumns(notes, { id: 'name', name: 'id' });
      const rows: StoredRow[] = [
        { name: 'r1', id: 'b' },
        { name: 'r2', id: 'a' },
        { name: 'r3', id: null },
      ];
      const dataset = await open.load(crossed, rows);
      try {
        const sorted = await runBoth(
          dataset,
          crossed,
          rows,
          parseListQuery(crossed, 'sort=name:asc'),
        );
        expect(sorted.data).toEqual([
          { id: 'r2', name: 'a' },
          { id: 'r1', name: 'b' },
          { id: 'r3', name: null },
        ]);
      } finally {
        await dataset.drop();
      }
    });

    describe('another resource: booleans, a nullable date, a non-nullable number', () => {
      const rows: StoredRow[] = [
        { id: 't1', title: 'Write', done: true, due: '2026-03-01T09:00:00.000Z', priority: 2 },
        { id: 't2', title: 'read', done: false, due: null, priority: 1 },
        { id: 't3', title: null, done: null, due: '2026-02-28T23:59:59.999Z', priority: 2 },
        { id: 't4', title: 'Rest', done: false, due: '2026-03-01T00:00:00.000Z', priority: -1.5 },
      ];
      let dataset: LoadedDataset;
      beforeAll(async () => {
        dataset = await open.load(tasks, rows);
      });
      afterAll(async () => {
        await dataset?.drop();
      });
      const run = (text: string, filter?: FilterNode) => {
        const query = parseListQuery(tasks, text);
        return runBoth(dataset, tasks, rows, filter ? { ...query, filter } : query);
      };

      it('returns API-shaped rows: booleans, numbers, ISO dates, nulls', async () => {
        const result = await run('sort=id:asc&limit=2');
        expect(result.data).toEqual([
          { id: 't1', title: 'Write', done: true, due: '2026-03-01T09:00:00.000Z', priority: 2 },
          { id: 't2', title: 'read', done: false, due: null, priority: 1 },
        ]);
      });

      it('returns every digit of a double, and compares it exactly', async () => {
        const doubles = [
          987218057.6624821, 0.1, -3.0000000000000004, 5e-324, 1.2345678901234568e17, -1e300,
        ];
        const numeric: StoredRow[] = doubles.map((priority, i) => ({
          id: `d${i}`,
          title: null,
          done: null,
          due: null,
          priority,
        }));
        const numericData = await open.load(tasks, numeric);
        try {
          const query = (text: string, filter?: FilterNode) => {
            const parsed = parseListQuery(tasks, text);
            return runBoth(numericData, tasks, numeric, filter ? { ...parsed, filter } : parsed);
          };
          const all = await query('sort=id:asc&fields=priority');
          expect(all.data.map((row) => row['priority'])).toEqual(doubles);
          for (const [i, priority] of doubles.entries()) {
            expect(ids(await query('fields=id', comparison('priority', 'eq', priority)))).toEqual([
              `d${i}`,
            ]);
          }
          expect(ids(await query('sort=priority:asc&fields=id'))).toEqual([
            'd5',
            'd2',
            'd3',
            'd1',
            'd0',
            'd4',
          ]);
        } finally {
          await numericData.drop();
        }
      });

      it('orders booleans false < true with nulls last, and filters them', async () => {
        expect(ids(await run('sort=done:asc'))).toEqual(['t2', 't4', 't1', 't3']);
        expect(ids(await run('sort=done:desc'))).toEqual(['t1', 't4', 't2', 't3']);
        expect(ids(await run('done=false'))).toEqual(['t2', 't4']);
        expect(ids(await run('sort=id:asc', not(comparison('done', 'eq', true))))).toEqual([
          't2',
          't3',
          't4',
        ]);
      });

      it('orders a nullable date ascending with nulls last and compares days', async () => {
        expect(ids(await run('sort=due:asc'))).toEqual(['t3', 't4', 't1', 't2']);
        expect(ids(await run('due=2026-03-01'))).toEqual(['t1', 't4']);
        expect(ids(await run('due[lte]=2026-02-28'))).toEqual(['t3']);
        expect(ids(await run('sort=priority:desc,title:asc'))).toEqual(['t1', 't3', 't2', 't4']);
      });

      it('stores and compares instants of years 0000 and 9999', async () => {
        const extremes: StoredRow[] = [
          { id: 'e1', title: null, done: null, due: '0000-01-01T00:00:00.000Z', priority: 0 },
          { id: 'e2', title: null, done: null, due: '0000-12-31T23:59:59.999Z', priority: 0 },
          { id: 'e3', title: null, done: null, due: '0001-01-01T00:00:00.000Z', priority: 0 },
          { id: 'e4', title: null, done: null, due: '9999-12-31T23:59:59.999Z', priority: 0 },
        ];
        const extremeData = await open.load(tasks, extremes);
        try {
          const query = (text: string) =>
            runBoth(extremeData, tasks, extremes, parseListQuery(tasks, text));
          expect((await query('sort=due:desc')).data.map((row) => row['due'])).toEqual([
            '9999-12-31T23:59:59.999Z',
            '0001-01-01T00:00:00.000Z',
            '0000-12-31T23:59:59.999Z',
            '0000-01-01T00:00:00.000Z',
          ]);
          expect(ids(await query('due=0000-12-31'))).toEqual(['e2']);
          expect(ids(await query('due[lt]=0001-01-01'))).toEqual(['e1', 'e2']);
          expect(ids(await query('due[gte]=0000-01-01T00:00:00.001Z'))).toEqual(['e2', 'e3', 'e4']);
          expect(ids(await query('due=9999-12-31'))).toEqual(['e4']);
        } finally {
          await extremeData.drop();
        }
      });

      it('decides date bounds beyond year 9999 without sending them', async () => {
        expect(ids(await run('due[lte]=9999-12-31'))).toEqual(['t1', 't3', 't4']);
        expect(ids(await run('due[gt]=9999-12-31'))).toEqual([]);
        expect(ids(await run('sort=id:asc', not(comparison('due', 'gt', '9999-12-31'))))).toEqual([
          't1',
          't2',
          't3',
          't4',
        ]);
      });
    });

    describe('adversarial values run without error and match the reference', () => {
      const controls = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
      const long = 'x'.repeat(400) + '\'"\\%_' + 'é😀'.repeat(100) + 'y'.repeat(295);
      const values = [
        "'; drop table leads; --",
        '"quoted" \\ back\\\\slash',
        `ctl${controls}\u007f`,
        long,
        '\\',
        "''",
        '%_%',
      ];

      it('stores, filters, searches and sorts them', async () => {
        expect(long).toHaveLength(1_000);
        const rows = values.map((text, i) =>
          leadRow(`adv${i}`, { name: text, email: text, website: text, note: text }),
        );
        const dataset = await open.load(leadsTable, rows);
        try {
          for (const text of values) {
            const eq = withFilter(leadsTable, comparison('website', 'eq', text), 'fields=id,note');
            expect((await runBoth(dataset, leadsTable, rows, eq)).total).toBe(1);
            const found = withFilter(
              leadsTable,
              search(['name', 'email', 'phone'], text.slice(0, 200)),
            );
            expect((await runBoth(dataset, leadsTable, rows, found)).total).toBeGreaterThanOrEqual(
              1,
            );
          }
          await runBoth(dataset, leadsTable, rows, parseListQuery(leadsTable, 'sort=name:desc'));
        } finally {
          await dataset.drop();
        }
      });

      it('accepts 100-item lists and 1,000-character list items', async () => {
        const labels = Array.from({ length: 99 }, (_, i) => `label_${i}'\\%`);
        const list = inList('labelId', [...labels, 'z'.repeat(1_000)]);
        expect((await leadsFilter(list)).total).toBe(0);
        expect((await leadsFilter(not(list))).total).toBe(6);
        const numbers = inList(
          'value',
          Array.from({ length: 100 }, (_, i) => i * 1.5 - 3),
        );
        expect(ids(await leadsFilter(numbers))).toEqual(['l04', 'l05']);
        const manyChildren = or(labels.map((label) => comparison('labelId', 'eq', label)));
        expect((await leadsFilter(manyChildren)).total).toBe(0);
      });
    });
  });
}
