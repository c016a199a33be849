/**
 * Relations on MongoDB against the reference: for generated related
 * datasets (null keys, keys with no target, targets linked twice, targets
 * the relation's where refuses, owners with zero, one and several related
 * rows, ties in related sort values) and generated queries (to-one leaves,
 * some / not(some) in groups, to-one sorts, embeds, pages and keyset walks),
 * the mingo-run pipelines return what the memory backend returns: ids,
 * order, totals, hasMore and embedded objects. Referenced and embedded
 * relations alike.
 *
 * Four variants: referenced and embedded, each without and with a to-one
 * `where`. Runs: LISTQL_RUNS_FACTOR × 40 datasets × (8 queries + a cursor
 * walk) per variant: 320 queries and 40 walks each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/backends/memory/index.js';
import {
  and,
  eq,
  exists,
  type FilterNode,
  inList,
  type ListQuery,
  not,
  or,
  type Resource,
  some,
} from '../../src/index.js';
import type { StoredRow } from '../support/engine.js';
import { type RelatedRows, runRelated } from '../support/engines/mongo.js';
import { propertyParams } from '../support/property.js';
import {
  embeddedOwners,
  embeddedRankedOwners,
  owners,
  rankedOwners,
} from '../unit/backends/mongo/relation-fixtures.js';

const DAYS = ['2026-01-01T00:00:00.000Z', '2026-03-05T12:00:00.000Z', null] as const;
const NAMES = ['a', 'A', 'b', 'B', 'c'] as const;
const KINDS = ['dog', 'cat', 'fish'] as const;

interface Dataset {
  readonly owners: StoredRow[];
  readonly related: RelatedRows;
}

const datasetArbitrary: fc.Arbitrary<Dataset> = fc
  .record({
    teams: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('t0', 't1', 't2', 't3'),
        name: fc.constantFrom(...NAMES),
        rank: fc.constantFrom(null, 1, 2, 2.5),
        founded: fc.constantFrom(...DAYS),
      }),
      { selector: (row) => row.id, maxLength: 4 },
    ),
    pets: fc.array(
      fc.record({
        owner_id: fc.constantFrom('o0', 'o1', 'o2', 'o3', 'o4', null, 'oX'),
        kind: fc.constantFrom(...KINDS),
        age: fc.constantFrom(null, 1, 3),
      }),
      { maxLength: 9 },
    ),
    skills: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('s0', 's1', 's2', 's3'),
        name: fc.constantFrom('go', 'ts', 'Go'),
        deleted_at: fc.constantFrom(null, null, DAYS[0]),
      }),
      { selector: (row) => row.id, maxLength: 4 },
    ),
    joins: fc.array(
      fc.record({
        owner_id: fc.constantFrom('o0', 'o1', 'o2', 'o3', null),
        skill_id: fc.constantFrom('s0', 's1', 's2', 's3', null, 'sX'),
      }),
      { maxLength: 10 },
    ),
    owners: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('o0', 'o1', 'o2', 'o3', 'o4', 'o5'),
        name: fc.constantFrom(null, 'x', 'y'),
        team_id: fc.constantFrom('t0', 't1', 't2', 't3', null, 'tX'),
      }),
      { selector: (row) => row.id, maxLength: 6 },
    ),
  })
  .map(({ teams, pets, skills, joins, owners: rows }) => ({
    owners: rows,
    related: {
      teams,
      pets: pets.map((pet, i) => ({ id: `p${i}`, ...pet })),
      skills,
      owner_skills: joins,
    },
  }));

/**
 * The owners with their related rows inside (the layout of `embedded: true`):
 * the team row or null, the pets and the linked skills (each once) as arrays
 * in no particular order.
 */
function embed(dataset: Dataset): StoredRow[] {
  const { teams, pets, skills, owner_skills: joins } = dataset.related;
  return dataset.owners.map((owner) => {
    const linked = new Set(
      joins!.filter((j) => j['owner_id'] === owner['id']).map((j) => j['skill_id']),
    );
    return {
      ...owner,
      team: teams!.find((t) => t['id'] === owner['team_id']) ?? null,
      pets: pets!.filter((p) => p['owner_id'] === owner['id']).reverse(),
      skills: skills!.filter((s) => linked.has(s['id'])).reverse(),
    };
  });
}

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => eq('team.name', name)),
  fc.subarray([...NAMES]).map((names) => inList('team.name', names)),
  fc.boolean().map((present) => exists('team.rank', present)),
  fc.constantFrom(1, 2, 2.5).map((rank) => eq('team.rank', rank)),
  fc.constantFrom('2026-01-01', '2026-03-05').map((day) => eq('team.founded', day)),
  fc.constantFrom('x', 'y').map((name) => eq('name', name)),
  fc.constantFrom(...KINDS).map((kind) => some('pets', eq('kind', kind))),
  fc.boolean().map((present) => some('pets', exists('age', present))),
  fc
    .tuple(fc.constantFrom(...KINDS), fc.boolean())
    .map(([kind, present]) => some('pets', and([not(eq('kind', kind)), exists('age', present)]))),
  fc.constantFrom('go', 'ts', 'Go').map((name) => some('skills', eq('name', name))),
  fc.constantFrom('go', 'ts').map((name) => some('skills', not(eq('name', name)))),
  fc.constant(some('skills', and([]))),
  fc.constantFrom('a', 'B').map((name) => some('team', eq('name', name))),
);
const filterArbitrary: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }).map((children) => and(children)),
    fc.array(tie('node'), { maxLength: 3 }).map((children) => or(children)),
    tie('node').map((child) => not(child)),
  ),
})).node;

const SORT_FIELDS = ['team.name', 'team.rank', 'team.founded', 'name'] as const;
const queryArbitrary: fc.Arbitrary<ListQuery> = fc
  .record({
    filter: filterArbitrary,
    keys: fc.subarray([...SORT_FIELDS], { maxLength: 2 }),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
    embeds: fc.subarray(['team.name', 'team.founded', 'pets.kind', 'pets.id', 'skills.name']),
    limit: fc.integer({ min: 1, max: 4 }),
    page: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ filter, keys, direction, embeds, limit, page }) => ({
    filter,
    sort: [...keys, 'id'].map((field) => ({ field, direction })),
    select: ['id', ...embeds],
    page: { limit, page },
    after: null,
    count: 'exact',
  }));

/** The value of a sort key for a stored owner, as a cursor holds it. */
function sortValue(
  resource: Resource,
  dataset: Dataset,
  owner: StoredRow,
  field: string,
): string | number | null {
  if (!field.startsWith('team.')) return (owner[field] ?? null) as string | null;
  const ranked = resource.relations.get('team')!.where !== null;
  const team = dataset.related.teams!.find(
    (t) => t['id'] === owner['team_id'] && (!ranked || t['rank'] !== null),
  );
  return (team?.[field.slice(5)] ?? null) as string | number | null;
}

const variants: readonly { name: string; resource: Resource; rows: (d: Dataset) => StoredRow[] }[] =
  [
    { name: 'referenced', resource: owners, rows: (d) => d.owners },
    { name: 'embedded', resource: embeddedOwners, rows: embed },
    { name: 'referenced, to-one where', resource: rankedOwners, rows: (d) => d.owners },
    { name: 'embedded, to-one where', resource: embeddedRankedOwners, rows: embed },
  ];

describe.each(variants)(
  'mongo relations ($name) return what the memory backend returns',
  (variant) => {
    it('for generated related datasets, queries and cursor walks', async () => {
      await fc.assert(
        fc.asyncProperty(
          datasetArbitrary,
          fc.array(queryArbitrary, { minLength: 8, maxLength: 8 }),
          async (dataset, queries) => {
            const rows = variant.rows(dataset);
            const related = variant.rows === embed ? {} : dataset.related;
            const compare = async (query: ListQuery) => {
              const expected = runInMemory(variant.resource, query, rows, { related });
              const actual = await runRelated(variant.resource, query, rows, related);
              expect({ data: actual.data, total: actual.total, hasMore: actual.hasMore }).toEqual({
                data: expected.data,
                total: expected.total,
                hasMore: expected.hasMore,
              });
              return actual;
            };
            for (const query of queries) await compare(query);
            // One keyset walk per dataset: the last query's order, page by page.
            const last = { ...queries.at(-1)!, page: { limit: 2, page: 1 } };
            let after: ListQuery['after'] = null;
            for (let guard = 0; guard < 10; guard++) {
              const page = await compare({ ...last, after });
              if (!page.hasMore) break;
              const id = page.data.at(-1)!['id'];
              const owner = dataset.owners.find((o) => o['id'] === id)!;
              after = last.sort.map((key) =>
                sortValue(variant.resource, dataset, owner, key.field),
              );
            }
          },
        ),
        propertyParams(40),
      );
    }, 240_000);
  },
);
