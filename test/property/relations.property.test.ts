/**
 * Relations, differentially: for generated related datasets (missing
 * targets, null keys, shared related rows, to-many rows with zero, one or
 * many matches, duplicate join rows, rows a relation's `where` refuses) and
 * queries across them (to-one path leaves, `some` nodes, groups with `not`,
 * to-one sorts, embeds, pages and keyset positions):
 *
 * 1. the memory backend agrees with a naive model of docs/relations.md;
 * 2. every engine of `relationEngineSetups()` returns exactly what the memory
 *    backend returns (ids, order, total, embedded objects, `@more`);
 * 3. walking every page by cursor on each engine gives the full sorted result.
 *
 * Runs per engine: LISTQL_RUNS_FACTOR × 30 datasets × 10 queries (300
 * queries), and 10 datasets × 10 cursor walks (100 walks).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/backends/memory/index.js';
import type { FilterValue, ListQuery, Resource, SortPosition } from '../../src/index.js';
import type { RelatedDataset } from '../../src/testing/index.js';
import type { ApiRow, EngineResult } from '../support/engine.js';
import { expectCount } from '../support/expect-count.js';
import { propertyParams } from '../support/property.js';
import {
  cards,
  embeddedCards,
  relationCaseArbitrary,
  relationResource,
} from '../support/relation-cases.js';
import { type RelationEngine, relationEngineSetups } from '../support/relation-engines.js';
import { naiveRelationRun } from '../support/relation-model.js';

const reference = (resource: Resource, query: ListQuery, dataset: RelatedDataset) =>
  runInMemory(resource, query, dataset.rows, { related: dataset.related });

describe('the memory backend on relations agrees with a naive model', () => {
  it('on generated datasets and queries (tables and embedded relations)', () => {
    fc.assert(
      fc.property(relationCaseArbitrary([cards, embeddedCards]), ([name, dataset, queries]) => {
        const resource = relationResource(name);
        for (const query of queries) {
          expect(reference(resource, query, dataset)).toEqual(
            naiveRelationRun(resource, query, dataset),
          );
        }
      }),
      propertyParams(30),
    );
  });
});

/** The walk's query: the generated one from page 1, with its sort keys selected for positions. */
function walkQuery(resource: Resource, query: ListQuery): ListQuery {
  const names = query.select === 'all' ? [...resource.selectable] : [...query.select];
  for (const { field } of query.sort) if (!names.includes(field)) names.push(field);
  return { ...query, select: names, after: null, page: { ...query.page, page: 1 } };
}

/** The position of an API row in `query`'s order: own fields, and to-one paths from the embeds. */
function positionIn(resource: Resource, query: ListQuery, row: ApiRow): SortPosition {
  return query.sort.map(({ field }): FilterValue | null => {
    const path = resource.paths.get(field);
    if (path === undefined) return (row[field] ?? null) as FilterValue | null;
    const embedded = row[path.relation.name] as Record<string, unknown> | null;
    return (embedded?.[path.field.name] ?? null) as FilterValue | null;
  });
}

/** Every page of `query` on `run`, by cursor; a walk longer than `maxPages` is a loop. */
async function walk(
  resource: Resource,
  run: (query: ListQuery) => Promise<EngineResult>,
  query: ListQuery,
  maxPages: number,
): Promise<ApiRow[]> {
  const seen: ApiRow[] = [];
  let next = query;
  for (let page = 1; ; page++) {
    expect(page, 'the walk never ends').toBeLessThanOrEqual(maxPages);
    const result = await run(next);
    seen.push(...result.data);
    if (!result.hasMore) return seen;
    const last = result.data.at(-1);
    expect(last, 'hasMore on an empty page').toBeDefined();
    next = { ...next, after: positionIn(resource, next, last!) };
  }
}

describe.each(relationEngineSetups())('relations on $name', (setup) => {
  let engine: RelationEngine | undefined;
  beforeAll(async () => {
    engine = await setup.open();
  });
  afterAll(async () => {
    await engine?.close();
  });
  const resources = () => (engine?.embedded ? [cards, embeddedCards] : [cards]);

  const property = (
    runs: number,
    check: (
      run: (query: ListQuery) => Promise<EngineResult>,
      resource: Resource,
      dataset: RelatedDataset,
      query: ListQuery,
    ) => Promise<void>,
  ) =>
    fc.assert(
      fc.asyncProperty(relationCaseArbitrary(resources()), async ([name, dataset, queries]) => {
        const resource = relationResource(name);
        const loaded = await engine!.load(resource, dataset);
        try {
          for (const query of queries) await check(loaded.run, resource, dataset, query);
        } finally {
          await loaded.drop();
        }
      }),
      propertyParams(runs),
    );

  it(
    'returns what the memory backend returns',
    async () => {
      if (!engine) return;
      await property(30, async (run, resource, dataset, query) => {
        const expected = reference(resource, query, dataset);
        const actual = await run(query);
        expect({ data: actual.data, hasMore: actual.hasMore }).toEqual({
          data: expected.data,
          hasMore: expected.hasMore,
        });
        expectCount(actual, query, expected.total);
      });
    },
    6_000 * propertyParams(30).numRuns!,
  );

  it(
    'walks every page by cursor: the full sorted result, no row missing or repeated',
    async () => {
      if (!engine) return;
      await property(10, async (run, resource, dataset, query) => {
        const first = walkQuery(resource, query);
        const all = { ...first, page: { limit: dataset.rows.length + 1, page: 1 } };
        const seen = await walk(resource, run, first, dataset.rows.length + 1);
        expect(seen).toEqual(reference(resource, all, dataset).data);
      });
    },
    6_000 * propertyParams(10).numRuns!,
  );
});
