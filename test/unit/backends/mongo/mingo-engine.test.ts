/**
 * The compiled pipelines (and, where offered, the find() form — the engine
 * checks both agree) run by mingo over small hand-made datasets whose answers
 * are worked out by hand from docs/ast.md, and checked against the in-memory
 * reference backend as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparison, exists, type FilterNode, inList, not, or } from '../../../../src/index.js';
import type { LoadedDataset, StoredRow } from '../../../support/engine.js';
import { compareBson, mongoEngine, toDocument } from '../../../support/engines/mongo.js';
import { load, type Person, people, query, row } from './fixtures.js';

const ROWS: readonly StoredRow[] = [
  row('p1', 'John', 10, true, '2026-01-31T23:59:59.999Z'),
  row('p2', null, null, null, null),
  row('p3', 'B', 5, false, '2026-02-01T00:00:00.000Z'),
  row('p4', null, 10, null, '2026-01-31T00:00:00.000Z'),
  row('p5', 'é', null, true, null),
  row('p6', '\uFFFF', 5, null, '2026-01-30T23:59:59.999Z'),
  row('p7', '😀', null, false, null),
  row('p8', '\uE000', 10, true, '2026-02-01T00:00:00.001Z'),
  row('p9', 'a', -1, null, null),
  row('p10', '', 0, false, '2026-01-31T12:00:00.000Z'),
  row('p11', null, 5, true, null),
];

let dataset: LoadedDataset;
beforeAll(async () => {
  dataset = await load(people, ROWS);
});
afterAll(async () => {
  await dataset.drop();
  await mongoEngine.close();
});

const ids = async (parts: Parameters<typeof query>[0]) =>
  (await dataset.run(query(parts))).data.map((r) => r['id']);
const matching = async (filter: FilterNode<Person>) => (await ids({ filter })).sort();
const sorted = (...list: string[]) => [...list].sort();

describe('the engine stores rows as MongoDB would', () => {
  it('keeps the id in _id, dates as Date, and leaves every other null out', () => {
    const documents = ROWS.map((r, i) => toDocument(people, r, i));
    expect(documents[0]).toEqual({
      _id: 'p1',
      name: 'John',
      score: 10,
      active: true,
      joined: new Date('2026-01-31T23:59:59.999Z'),
    });
    const nullCells = documents.flatMap((d) =>
      ['name', 'score', 'active', 'joined'].map((k) => (k in d ? d[k] : 'missing')),
    );
    expect(nullCells.filter((c) => c === null).length).toBeGreaterThan(3);
    expect(nullCells.filter((c) => c === 'missing').length).toBeGreaterThan(3);
  });

  it('orders BSON values as MongoDB documents: null = missing < numbers < strings (by code point)', () => {
    expect(compareBson(null, undefined)).toBe(0);
    expect(compareBson(null, -1e9)).toBeLessThan(0);
    expect(compareBson(1e9, '')).toBeLessThan(0);
    expect(compareBson('\uFFFF', '😀')).toBeLessThan(0);
    expect(compareBson(false, true)).toBeLessThan(0);
  });
});

describe('null and missing behave alike, with two-valued logic', () => {
  it('exists', async () => {
    expect(await matching(exists('score', true))).toEqual(
      sorted('p1', 'p3', 'p4', 'p6', 'p8', 'p9', 'p10', 'p11'),
    );
    expect(await matching(exists('score', false))).toEqual(sorted('p2', 'p5', 'p7'));
    expect(await matching(not(exists('name', true)))).toEqual(sorted('p2', 'p4', 'p11'));
  });

  it('comparisons are false on null, so their negation is true', async () => {
    expect(await matching(comparison('score', 'gte', 5))).toEqual(
      sorted('p1', 'p3', 'p4', 'p6', 'p8', 'p11'),
    );
    expect(await matching(not(comparison('score', 'gte', 5)))).toEqual(
      sorted('p2', 'p5', 'p7', 'p9', 'p10'),
    );
    expect(await matching(not(comparison('active', 'eq', true)))).toEqual(
      sorted('p2', 'p3', 'p4', 'p6', 'p7', 'p9', 'p10'),
    );
    expect(await matching(not(inList('score', [5, 10])))).toEqual(
      sorted('p2', 'p5', 'p7', 'p9', 'p10'),
    );
  });

  it('or, nested not, empty and / or', async () => {
    const filter = or([
      comparison('score', 'lt', 0),
      not(or([exists('name', true), exists('active', true)])),
    ]);
    expect(await matching(filter)).toEqual(sorted('p2', 'p4', 'p9'));
    expect(await matching(or([]))).toEqual([]);
    expect(await matching(not(or([])))).toHaveLength(ROWS.length);
  });

  it('selected null fields come back as null whichever way they are stored', async () => {
    const result = await dataset.run({
      ...query({ filter: inList('id', ['p2', 'p4']) }),
      select: ['id', 'name', 'score', 'active', 'joined'],
    });
    expect(result.data).toEqual([
      { id: 'p2', name: null, score: null, active: null, joined: null },
      { id: 'p4', name: null, score: 10, active: null, joined: '2026-01-31T00:00:00.000Z' },
    ]);
  });
});

describe('dates around a day boundary', () => {
  const onDay = (op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte') =>
    matching(comparison('joined', op, '2026-01-31'));

  it('a day covers [00:00, next 00:00) in UTC', async () => {
    expect(await onDay('eq')).toEqual(sorted('p1', 'p4', 'p10'));
    expect(await onDay('gt')).toEqual(sorted('p3', 'p8'));
    expect(await onDay('gte')).toEqual(sorted('p1', 'p3', 'p4', 'p8', 'p10'));
    expect(await onDay('lt')).toEqual(['p6']);
    expect(await onDay('lte')).toEqual(sorted('p1', 'p4', 'p6', 'p10'));
  });

  it('an instant is exact to the millisecond', async () => {
    expect(await matching(comparison('joined', 'gt', '2026-02-01T00:00:00.000Z'))).toEqual(['p8']);
    expect(await matching(comparison('joined', 'eq', '2026-01-31T23:59:59.999Z'))).toEqual(['p1']);
  });
});

describe('order', () => {
  it('strings by code point, astral after U+FFFF, nulls last both ways, ties by id', async () => {
    expect(
      await ids({
        sort: [
          { field: 'name', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
      }),
    ).toEqual(['p10', 'p3', 'p1', 'p9', 'p5', 'p8', 'p6', 'p7', 'p11', 'p2', 'p4']);
    expect(
      await ids({
        sort: [
          { field: 'name', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
      }),
    ).toEqual(['p7', 'p6', 'p8', 'p5', 'p9', 'p1', 'p3', 'p10', 'p4', 'p2', 'p11']);
  });

  it('numbers, with ties broken by the id in the direction of the last key', async () => {
    expect(
      await ids({
        sort: [
          { field: 'score', direction: 'desc' },
          { field: 'id', direction: 'desc' },
        ],
      }),
    ).toEqual(['p8', 'p4', 'p1', 'p6', 'p3', 'p11', 'p10', 'p9', 'p7', 'p5', 'p2']);
    expect(
      await ids({
        sort: [
          { field: 'score', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
      }),
    ).toEqual(['p9', 'p10', 'p11', 'p3', 'p6', 'p1', 'p4', 'p8', 'p2', 'p5', 'p7']);
  });

  it('booleans false < true, then dates, across several keys', async () => {
    const sort = [
      { field: 'active', direction: 'asc' },
      { field: 'joined', direction: 'desc' },
      { field: 'id', direction: 'desc' },
    ] as const;
    expect(await ids({ sort })).toEqual([
      'p3',
      'p10',
      'p7',
      'p8',
      'p1',
      'p5',
      'p11',
      'p4',
      'p6',
      'p9',
      'p2',
    ]);
  });

  it('pages slice the same order; a page past the end is empty with the total intact', async () => {
    const sort = [
      { field: 'name', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ] as const;
    const page = (n: number) => dataset.run(query({ sort, page: { limit: 4, page: n } }));
    const pages = await Promise.all([1, 2, 3, 4].map(page));
    expect(pages.flatMap((p) => p.data.map((r) => r['id']))).toEqual([
      'p10',
      'p3',
      'p1',
      'p9',
      'p5',
      'p8',
      'p6',
      'p7',
      'p11',
      'p2',
      'p4',
    ]);
    expect(pages.map((p) => p.total)).toEqual([11, 11, 11, 11]);
    expect(pages[3]!.data).toEqual([]);
  });

  it('a query matching nothing has total 0', async () => {
    expect(await dataset.run(query({ filter: comparison('score', 'gt', 1000) }))).toEqual({
      data: [],
      total: 0,
      hasMore: false,
      count: 'exact',
    });
  });
});

describe('keyset pages', () => {
  const byName = [
    { field: 'name', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ] as const;

  it('continue after a string position by code point: astral after U+FFFF, then nulls', async () => {
    // By code point: '' B John a é U+E000 U+FFFF 😀, then the nulls by id.
    const after = await ids({ sort: [...byName], after: ['\uE000', 'p8'] });
    expect(after).toEqual(['p6', 'p7', 'p11', 'p2', 'p4']);
  });

  it('continue inside the nulls (nulls last), and descending', async () => {
    expect(await ids({ sort: [...byName], after: [null, 'p11'] })).toEqual(['p2', 'p4']);
    const desc = [
      { field: 'score', direction: 'desc' },
      { field: 'id', direction: 'desc' },
    ] as const;
    // By score desc: 10 (p8, p4, p1), 5 (p6, p3, p11), 0, -1, then nulls (p7, p5, p2).
    expect(await ids({ sort: [...desc], after: [5, 'p3'] })).toEqual([
      'p11',
      'p10',
      'p9',
      'p7',
      'p5',
      'p2',
    ]);
  });

  it('ignore the page number, fetch one past the limit for hasMore, and count every match', async () => {
    const result = await dataset.run(
      query({ sort: [...byName], after: ['a', 'p9'], page: { limit: 2, page: 3 } }),
    );
    expect(result).toEqual({
      data: [{ id: 'p5' }, { id: 'p8' }],
      total: ROWS.length,
      hasMore: true,
      count: 'exact',
    });
  });
});

describe('count strategies', () => {
  it('none runs no count; estimated is counted exactly and reported as exact', async () => {
    const none = await dataset.run(query({ count: 'none', page: { limit: 11, page: 1 } }));
    expect(none).toMatchObject({ total: null, count: 'none', hasMore: false });
    const more = await dataset.run(query({ count: 'none', page: { limit: 10, page: 1 } }));
    expect(more).toMatchObject({ total: null, count: 'none', hasMore: true });
    const estimated = await dataset.run(
      query({ count: 'estimated', filter: exists('name', true) }),
    );
    expect(estimated).toMatchObject({ total: 8, count: 'exact' });
  });
});
