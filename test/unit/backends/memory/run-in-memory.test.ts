/**
 * A full run: total, pages, projection (API names, ISO dates, nulls), input
 * forms, and the top-k page selection agreeing with a full stable sort.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compileMemory, runInMemory } from '../../../../src/backends/memory/index.js';
import {
  and,
  type ListQuery,
  leads,
  parseListQuery,
  snakeCase,
  withColumns,
} from '../../../../src/index.js';
import { propertyParams } from '../../../support/property.js';
import { idsOf, type ThingField, thing, things } from './fixtures.js';

const numbered = Array.from({ length: 23 }, (_, i) =>
  thing(`t${String(i).padStart(2, '0')}`, { amount: i % 5 }),
);
const query = (q: string) => parseListQuery(things, q);
const idsIn = (resource: typeof things, q: ListQuery<ThingField>, rows: readonly object[]) =>
  runInMemory(resource, q, rows).data.map((row) => row['id']);

describe('paging', () => {
  it('returns the requested page and counts every match', () => {
    const first = runInMemory(things, query('sort=id&limit=10'), numbered);
    expect(first.total).toBe(23);
    expect(first.data.map((row) => row['id'])).toEqual(
      numbered.slice(0, 10).map((row) => row['thing_id']),
    );
    expect(idsOf(query('sort=id&limit=10&page=3'), numbered)).toEqual(['t20', 't21', 't22']);
  });

  it('an empty page past the end still reports the total', () => {
    const result = runInMemory(things, query('limit=10&page=4'), numbered);
    expect(result).toEqual({ data: [], total: 23, hasMore: false, count: 'exact' });
  });

  it('never orders the matches for a page past the end', () => {
    const sort = vi.spyOn(Array.prototype, 'sort');
    try {
      const result = runInMemory(things, query('sort=amount:desc&limit=10&page=9'), numbered);
      expect(result).toMatchObject({ data: [], total: 23, hasMore: false });
      expect(sort).not.toHaveBeenCalled();
      // The last page does order them (the spy sees it), so the check above can fail.
      runInMemory(things, query('sort=amount:desc&limit=10&page=3'), numbered);
      expect(sort).toHaveBeenCalled();
    } finally {
      sort.mockRestore();
    }
  });

  it('pages tile the full order: no row repeated or skipped', () => {
    const all = idsOf(query('sort=amount:desc&limit=100'), numbered);
    const paged = [1, 2, 3, 4, 5].flatMap((page) =>
      idsOf(query(`sort=amount:desc&limit=5&page=${page}`), numbered),
    );
    expect(paged).toEqual(all);
    expect(new Set(all).size).toBe(23);
  });

  it('counts the matches of the filter, not of the page', () => {
    const result = runInMemory(things, query('amount=0,1&limit=2'), numbered);
    expect(result.total).toBe(10);
    expect(result.data).toHaveLength(2);
  });

  it('accepts any iterable of rows, read once', () => {
    function* rows() {
      yield* numbered;
    }
    expect(runInMemory(things, query('limit=3'), rows()).total).toBe(23);
  });
});

describe('projection', () => {
  const row = thing('x', {
    label: 'Ann',
    amount: 0,
    flag: false,
    at: new Date('2026-01-31T23:59:59.999Z'),
  });

  it("'all' returns every selectable field under its API name, missing cells as null", () => {
    const [out] = runInMemory(things, query(''), [row]).data;
    expect(out).toEqual({
      id: 'x',
      label: 'Ann',
      note: null,
      kind: null,
      amount: 0,
      flag: false,
      at: '2026-01-31T23:59:59.999Z',
    });
    expect(Object.keys(out!)).toEqual(things.selectable);
  });

  it('a selection returns exactly those keys, id first', () => {
    const [out] = runInMemory(things, query('fields=at,label'), [row]).data;
    expect(out).toEqual({ id: 'x', at: '2026-01-31T23:59:59.999Z', label: 'Ann' });
    expect(Object.keys(out!)).toEqual(['id', 'at', 'label']);
  });

  it('adds the id to a hand-built selection that lacks it', () => {
    const handBuilt: ListQuery<ThingField> = { ...query(''), select: ['label'] };
    expect(runInMemory(things, handBuilt, [row]).data).toEqual([{ id: 'x', label: 'Ann' }]);
  });

  it.each([
    ['epoch ms', Date.UTC(2026, 0, 2, 3, 4, 5, 6)],
    ['a Date', new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6))],
    ['an offset', '2026-01-02T05:04:05.006+02:00'],
    ['a long fraction', '2026-01-02T03:04:05.006999Z'],
    ['the API form', '2026-01-02T03:04:05.006Z'],
  ])('returns a date stored as %s in the API form', (_form, at) => {
    const [out] = runInMemory(things, query('fields=at'), [thing('d', { at })]).data;
    expect(out).toEqual({ id: 'd', at: '2026-01-02T03:04:05.006Z' });
  });

  it('reads own cells only: a column named like an Object.prototype member', () => {
    const odd = withColumns(things, { label: 'toString', note: 'valueOf', kind: 'hasOwnProperty' });
    const rows: object[] = [
      { thing_id: 'own', toString: 'text', valueOf: 'made', hasOwnProperty: 'alpha' },
      { thing_id: 'none' },
    ];
    const q = (s: string) => parseListQuery(odd, s);
    expect(runInMemory(odd, q('fields=label,note,kind'), rows).data).toEqual([
      { id: 'none', label: null, note: null, kind: null },
      { id: 'own', label: 'text', note: 'made', kind: 'alpha' },
    ]);
    expect(idsIn(odd, q('label[exists]=false'), rows)).toEqual(['none']);
    expect(idsIn(odd, q('kind[exists]=true'), rows)).toEqual(['own']);
    expect(idsIn(odd, q('kind=alpha'), rows)).toEqual(['own']);
    expect(idsIn(odd, q('search=text'), rows)).toEqual(['own']);
    expect(idsIn(odd, q('sort=label:desc'), rows)).toEqual(['own', 'none']);
  });
});

describe('storage names', () => {
  it('reads columns through withColumns and answers in field names', () => {
    const snake = withColumns(leads, snakeCase);
    const rows = [
      { id: 'a', created_at: '2026-01-02T00:00:00.000Z', utm_source: 'x', label_id: 'l1' },
      { id: 'b', created_at: '2026-01-01T00:00:00.000Z', utm_source: 'y', label_id: 'l2' },
    ];
    const q = parseListQuery(snake, 'labelId=l1,l2&fields=createdAt,labelId&sort=createdAt');
    expect(runInMemory(snake, q, rows).data).toEqual([
      { id: 'b', createdAt: '2026-01-01T00:00:00.000Z', labelId: 'l2' },
      { id: 'a', createdAt: '2026-01-02T00:00:00.000Z', labelId: 'l1' },
    ]);
  });
});

describe('the page selection agrees with a full stable sort', () => {
  // Few distinct values and repeated ids, so that ties and duplicates are common.
  const row = fc.record({
    thing_id: fc.constantFrom('a', 'b', 'c', 'd'),
    amount_value: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    label_text: fc.option(fc.constantFrom('x', 'y', '\uFFFF', '😀'), { nil: null }),
  });
  const sortText = fc.constantFrom('amount', 'amount:desc', 'label:desc,amount', 'id:desc');

  it('for every page of every size', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        sortText,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (rows, sort, limit, page) => {
          const q = query(`sort=${sort}&limit=${limit}&page=${page}`);
          const { sortKeys, compare, project } = compileMemory(things, q);
          const expected = rows
            .map((r) => ({ r, keys: sortKeys(r) }))
            .sort((a, b) => compare(a.keys, b.keys))
            .slice((page - 1) * limit, page * limit)
            .map(({ r }) => project(r));
          const result = runInMemory(things, q, rows);
          expect(result.data).toEqual(expected);
          expect(result.total).toBe(rows.length);
        },
      ),
      propertyParams(300),
    );
  });
});

describe('the shared filter', () => {
  it('a server scope and the URL filter compile together', () => {
    const parsed = query('amount[gte]=3&sort=id');
    const scoped = {
      ...parsed,
      filter: and([parsed.filter, parseListQuery(things, 'amount=4').filter]),
    };
    expect(idsOf(scoped, numbered)).toEqual(['t04', 't09', 't14', 't19']);
  });
});

describe('keyset pages and count strategies', () => {
  const byAmount = query('sort=amount:desc&limit=4');

  it('a page after a position ignores the page number and continues the order', () => {
    const first = runInMemory(things, byAmount, numbered);
    const last = first.data.at(-1)!;
    const after = [last['amount'] as number, last['id'] as string];
    const next = runInMemory(things, { ...byAmount, after, page: { limit: 4, page: 7 } }, numbered);
    const everything = idsIn(things, { ...byAmount, page: { limit: 23, page: 1 } }, numbered);
    expect(next.data.map((row) => row['id'])).toEqual(everything.slice(4, 8));
    expect(next.total).toBe(23);
    expect(next.hasMore).toBe(true);
  });

  it('the last page after a position has no more rows', () => {
    const everything = idsIn(things, { ...byAmount, page: { limit: 23, page: 1 } }, numbered);
    const before = numbered.find((row) => row['thing_id'] === everything[20])!;
    const after = [before['amount_value'] as number, before['thing_id'] as string];
    const tail = runInMemory(things, { ...byAmount, after }, numbered);
    expect(tail.data.map((row) => row['id'])).toEqual(everything.slice(21));
    expect(tail.hasMore).toBe(false);
  });

  it('count none gives no total; estimated counts exactly and says exact', () => {
    expect(runInMemory(things, query('limit=22&count=none'), numbered)).toMatchObject({
      total: null,
      count: 'none',
      hasMore: true,
    });
    expect(runInMemory(things, query('limit=23&count=none'), numbered)).toMatchObject({
      total: null,
      hasMore: false,
    });
    expect(runInMemory(things, query('limit=5&count=estimated'), numbered)).toMatchObject({
      total: 23,
      count: 'exact',
    });
  });
});
