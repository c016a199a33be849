/**
 * Search literalness and the spec's examples on the leads resource, run by
 * mingo and checked against the in-memory backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leads, not, parseListQuery, search } from '../../../../src/index.js';
import type { LoadedDataset, StoredRow } from '../../../support/engine.js';
import { load, people, query, row } from './fixtures.js';

describe('search is a literal, ASCII-case-insensitive substring', () => {
  const SEARCH_ROWS: readonly StoredRow[] = [
    row('s1', '(a+)+$', null, null, null),
    row('s2', 'aaaa', null, null, null),
    row('s3', 'a.*b', null, null, null),
    row('s4', 'back\\slash', null, null, null),
    row('s5', '[x]', null, null, null),
    row('s6', '100%_', null, null, null),
    row('s7', 'Éclair', null, null, null),
    row('s8', 'éclair', null, null, null),
    row('s9', 'JOHNNY', null, null, null),
    row('s10', null, null, null, null),
    row('s11', 'a😀b', null, null, null),
  ];
  let texts: LoadedDataset;
  beforeAll(async () => {
    texts = await load(people, SEARCH_ROWS);
  });
  const found = async (term: string) =>
    (await texts.run(query({ filter: search(['name'], term) }))).data.map((r) => r['id']);

  it('regex syntax is text', async () => {
    expect(await found('(a+)+$')).toEqual(['s1']);
    expect(await found('.*')).toEqual(['s3']);
    expect(await found('\\')).toEqual(['s4']);
    expect(await found('[')).toEqual(['s5']);
    expect(await found('%_')).toEqual(['s6']);
  });

  it('ASCII letters fold, others compare exactly; null never matches, even the empty term', async () => {
    expect(await found('john')).toEqual(['s9']);
    expect(await found('éCLAIR')).toEqual(['s8']);
    expect(await found('A😀')).toEqual(['s11']);
    expect(await found('')).toHaveLength(SEARCH_ROWS.length - 1);
    expect(await texts.run(query({ filter: not(search(['name'], 'a')) }))).toMatchObject({
      total: 4,
    });
  });
});

describe('the leads resource and the spec examples', () => {
  const base = { createdAt: '2026-01-10T00:00:00.000Z', updatedAt: '2026-01-10T00:00:00.000Z' };
  const LEADS: readonly StoredRow[] = [
    { ...base, id: 'l1', name: 'John Doe', status: 'won', source: 'gtm', value: 150, gclid: 'g1' },
    { ...base, id: 'l2', name: 'Jane', status: 'won', source: 'api', value: 100, gclid: null },
    { ...base, id: 'l3', name: 'johnny', status: 'lost', source: 'wordpress', value: null },
    { ...base, id: 'l4', name: null, status: 'won', source: 'gtm', value: 99.5, gclid: 'g4' },
    { ...base, id: 'l5', email: 'JOHN@x.io', status: 'open', source: 'gtm', value: 250 },
  ];
  let leadsData: LoadedDataset;
  beforeAll(async () => {
    leadsData = await load(leads, LEADS);
  });
  const run = (q: string) => leadsData.run(parseListQuery(leads, q));

  it('status=won&value[gte]=100&sort=value:desc&fields=id,name,value', async () => {
    expect(await run('status=won&value[gte]=100&sort=value:desc&fields=id,name,value')).toEqual({
      data: [
        { id: 'l1', name: 'John Doe', value: 150 },
        { id: 'l2', name: 'Jane', value: 100 },
      ],
      total: 2,
      hasMore: false,
      count: 'exact',
    });
  });

  it('search=john&source=gtm,wordpress&limit=2&page=1', async () => {
    const result = await run('search=john&source=gtm,wordpress&limit=2&sort=name&fields=id');
    expect(result).toEqual({
      data: [{ id: 'l1' }, { id: 'l3' }],
      total: 3,
      hasMore: true,
      count: 'exact',
    });
  });

  it('gclid[exists]=true and false', async () => {
    expect((await run('gclid[exists]=true&sort=name&fields=id')).data).toEqual([
      { id: 'l1' },
      { id: 'l4' },
    ]);
    expect((await run('gclid[exists]=false&fields=id')).total).toBe(3);
  });
});
