/**
 * Relations on the MongoDB backend, run by mingo: every rule of
 * docs/relations.md on referenced collections ($lookup) and on embedded
 * relations (the same rows inside each document), with the expected answers
 * written out.
 */
import { describe, expect, it } from 'vitest';
import {
  and,
  eq,
  exists,
  type FilterNode,
  inList,
  type ListQuery,
  ne,
  not,
  or,
  some,
} from '../../../../src/index.js';
import { runRelated } from '../../../support/engines/mongo.js';
import {
  EMBEDDED_OWNERS,
  embeddedOwners,
  OWNERS,
  ownerQuery,
  owners,
  RELATED,
} from './relation-fixtures.js';

const variants = [
  { name: 'referenced ($lookup)', resource: owners, rows: OWNERS, related: RELATED },
  { name: 'embedded', resource: embeddedOwners, rows: EMBEDDED_OWNERS, related: {} },
] as const;

describe.each(variants)('relations on mongo: $name', ({ resource, rows, related }) => {
  const run = (query: ListQuery) => runRelated(resource, query, rows, related);
  const ids = async (filter: FilterNode) =>
    (await run(ownerQuery({ filter }))).data.map((row) => row['id']);
  const order = async (sort: ListQuery['sort']) =>
    (await run(ownerQuery({ sort }))).data.map((row) => row['id']);

  it('a to-one leaf reads the related row; no row (null key, missing target) is null', async () => {
    expect(await ids(eq('team.name', 'Alpha'))).toEqual(['o1', 'o6']);
    expect(await ids(inList('team.name', ['beta', 'Gamma']))).toEqual(['o2', 'o5']);
    expect(await ids(ne('team.name', 'Alpha'))).toEqual(['o2', 'o3', 'o4', 'o5']);
    expect(await ids(exists('team.rank', false))).toEqual(['o2', 'o3', 'o4']);
    expect(await ids(exists('team.id', true))).toEqual(['o1', 'o2', 'o5', 'o6']);
    expect(await ids(not(eq('team.rank', 2)))).toEqual(['o2', 'o3', 'o4', 'o5']);
    expect(await ids(eq('team.founded', '2021-06-01'))).toEqual(['o5']);
  });

  it('some: at least one related row matches; none is false; not(some) is "none matches"', async () => {
    expect(await ids(some('pets', eq('kind', 'dog')))).toEqual(['o1', 'o2']);
    expect(await ids(not(some('pets', eq('kind', 'dog'))))).toEqual(['o3', 'o4', 'o5', 'o6']);
    // Operators apply per related row: "some pet is not a dog" (false without pets).
    expect(await ids(some('pets', ne('kind', 'dog')))).toEqual(['o1', 'o5']);
    // Null semantics inside a related row, stored null or missing alike.
    expect(await ids(some('pets', exists('age', false)))).toEqual(['o1']);
    expect(await ids(some('pets', not(eq('age', 3))))).toEqual(['o1', 'o2', 'o5']);
    expect(await ids(some('pets', and([])))).toEqual(['o1', 'o2', 'o5']);
    expect(await ids(not(some('pets', and([]))))).toEqual(['o3', 'o4', 'o6']);
    expect(await ids(some('pets', or([])))).toEqual([]);
  });

  it('separate some nodes may match different rows; one some means one row', async () => {
    const cat = eq('kind', 'cat');
    const aged = exists('age', true);
    expect(await ids(and([some('pets', cat), some('pets', aged)]))).toEqual(['o1']);
    expect(await ids(some('pets', and([cat, aged])))).toEqual([]);
    expect(await ids(not(some('pets', and([cat, aged]))))).toEqual(OWNERS.map((o) => o['id']));
  });

  it('many-to-many: linked twice is one row, the where hides refused rows, null keys relate nothing', async () => {
    expect(await ids(some('skills', eq('name', 'ts')))).toEqual(['o1']);
    expect(await ids(some('skills', eq('name', 'rust')))).toEqual([]);
    expect(await ids(some('skills', and([])))).toEqual(['o1', 'o3']);
    expect(await ids(not(some('skills', eq('name', 'go'))))).toEqual(['o2', 'o4', 'o5', 'o6']);
    // The where applies even when the filter does not mention its field.
    expect(await ids(some('skills', ne('name', 'go')))).toEqual(['o1']);
  });

  it('some on a to-one relation: the related row exists and matches', async () => {
    expect(await ids(some('team', exists('rank', false)))).toEqual(['o2']);
    expect(await ids(not(some('team', and([]))))).toEqual(['o3', 'o4']);
  });

  it('relation conditions mix with own fields, in and out of groups', async () => {
    expect(await ids(and([eq('name', 'Ann'), some('pets', eq('kind', 'cat'))]))).toEqual(['o1']);
    expect(await ids(or([eq('name', 'Eve'), eq('team.name', 'beta')]))).toEqual(['o2', 'o5']);
    expect(await ids(or([some('skills', eq('name', 'go')), eq('team.rank', 1)]))).toEqual([
      'o1',
      'o3',
      'o5',
    ]);
  });

  it('sorts by to-one paths: nulls last both ways, caseInsensitiveSort, the id breaking ties', async () => {
    const asc = 'asc' as const;
    const desc = 'desc' as const;
    expect(
      await order([
        { field: 'team.name', direction: asc },
        { field: 'id', direction: asc },
      ]),
    ).toEqual(['o1', 'o6', 'o2', 'o5', 'o3', 'o4']);
    expect(
      await order([
        { field: 'team.name', direction: desc },
        { field: 'id', direction: desc },
      ]),
    ).toEqual(['o5', 'o2', 'o6', 'o1', 'o4', 'o3']);
    expect(
      await order([
        { field: 'team.rank', direction: asc },
        { field: 'id', direction: asc },
      ]),
    ).toEqual(['o5', 'o1', 'o6', 'o2', 'o3', 'o4']);
    expect(
      await order([
        { field: 'team.rank', direction: desc },
        { field: 'id', direction: desc },
      ]),
    ).toEqual(['o6', 'o1', 'o5', 'o4', 'o3', 'o2']);
  });

  it('keyset pages hold to-one path values and walk the whole order', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sort = [
        { field: 'team.name', direction },
        { field: 'team.rank', direction },
        { field: 'id', direction },
      ];
      const full = (await run(ownerQuery({ sort }))).data.map((row) => row['id']);
      const walked: unknown[] = [];
      let after: ListQuery['after'] = null;
      for (let guard = 0; guard < 10; guard++) {
        const page = await run(
          ownerQuery({
            sort,
            after,
            select: ['id', 'team.name', 'team.rank'],
            page: { limit: 2, page: 1 },
          }),
        );
        walked.push(...page.data.map((row) => row['id']));
        // The related values ride in the embed of the selected paths.
        expect(page.total).toBe(6);
        if (!page.hasMore) break;
        const last = page.data.at(-1)!;
        const team = last['team'] as { name: string; rank: number | null } | null;
        after = [team?.name ?? null, team?.rank ?? null, last['id'] as string];
      }
      expect(walked).toEqual(full);
    }
  });

  it('embeds: to-one object or null; to-many in id order, capped, with @more', async () => {
    const result = await run(
      ownerQuery({
        select: ['id', 'team.name', 'team.founded', 'pets.kind', 'pets.id', 'skills.name'],
      }),
    );
    expect(result.data).toEqual([
      {
        id: 'o1',
        team: { name: 'Alpha', founded: '2020-01-01T00:00:00.000Z' },
        pets: [
          { kind: 'dog', id: 'p1' },
          { kind: 'cat', id: 'p2' },
        ],
        'pets@more': true,
        skills: [{ name: 'ts' }, { name: 'go' }],
        'skills@more': false,
      },
      {
        id: 'o2',
        team: { name: 'beta', founded: null },
        pets: [{ kind: 'dog', id: 'p3' }],
        'pets@more': false,
        skills: [],
        'skills@more': false,
      },
      {
        id: 'o3',
        team: null,
        pets: [],
        'pets@more': false,
        skills: [{ name: 'go' }],
        'skills@more': false,
      },
      { id: 'o4', team: null, pets: [], 'pets@more': false, skills: [], 'skills@more': false },
      {
        id: 'o5',
        team: { name: 'Gamma', founded: '2021-06-01T00:00:00.000Z' },
        pets: [{ kind: 'fish', id: 'p5' }],
        'pets@more': false,
        skills: [],
        'skills@more': false,
      },
      {
        id: 'o6',
        team: { name: 'Alpha', founded: '2020-01-01T00:00:00.000Z' },
        pets: [],
        'pets@more': false,
        skills: [],
        'skills@more': false,
      },
    ]);
  });

  it('the total counts the relation filter; pages and embeds do not change it', async () => {
    const filter = or([some('pets', eq('kind', 'dog')), eq('team.name', 'Gamma')]);
    const first = await run(
      ownerQuery({ filter, select: ['id', 'pets.kind'], page: { limit: 1, page: 2 } }),
    );
    expect(first.total).toBe(3);
    expect(first.data.map((row) => row['id'])).toEqual(['o2']);
    expect(first.hasMore).toBe(true);
    const none = await run(ownerQuery({ filter: some('skills', eq('name', 'rust')) }));
    expect(none).toMatchObject({ data: [], total: 0, hasMore: false });
  });
});
