/**
 * Fixtures of the mingo-backed tests: a small resource with every field type,
 * and a loader whose datasets check every answer against the in-memory
 * reference backend as well.
 */
import { expect } from 'vitest';
import { runInMemory } from '../../../../src/backends/memory/index.js';
import { and, defineResource, type ListQuery, type Resource } from '../../../../src/index.js';
import type { EngineResult, LoadedDataset, StoredRow } from '../../../support/engine.js';
import { mongoEngine } from '../../../support/engines/mongo.js';

export const people = defineResource({
  name: 'people',
  fields: {
    id: { type: 'string', sortable: true },
    name: { type: 'string', nullable: true, sortable: true, searchable: true, filter: ['eq'] },
    score: {
      type: 'number',
      nullable: true,
      sortable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'],
    },
    active: { type: 'boolean', nullable: true, sortable: true, filter: ['eq', 'exists'] },
    joined: {
      type: 'datetime',
      nullable: true,
      sortable: true,
      filter: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists'],
    },
  },
  defaults: { sort: 'id', limit: 100 },
});
export type Person = 'id' | 'name' | 'score' | 'active' | 'joined';

/** A stored row of {@link people}. */
export const row = (
  id: string,
  name: string | null,
  score: number | null,
  active: boolean | null,
  joined: string | null,
): StoredRow => ({ id, name, score, active, joined });

/** A query of {@link people}: everything, by id, ids only, one page of 100, unless overridden. */
export const query = (
  parts: Partial<Pick<ListQuery<Person>, 'filter' | 'sort' | 'page' | 'after' | 'count'>>,
): ListQuery<Person> => ({
  filter: and([]),
  sort: [{ field: 'id', direction: 'asc' }],
  select: ['id'],
  page: { limit: 100, page: 1 },
  after: null,
  count: 'exact',
  ...parts,
});

/** Loads `rows` in the mingo engine; every answer is also checked against the memory backend. */
export async function load<F extends string>(
  resource: Resource<F>,
  rows: readonly StoredRow[],
): Promise<LoadedDataset> {
  const loaded = await mongoEngine.load(resource as Resource, rows);
  return {
    async run(q: ListQuery): Promise<EngineResult> {
      const result = await loaded.run(q);
      const reference = runInMemory(resource as Resource, q, rows);
      expect(result).toEqual(reference);
      return result;
    },
    drop: () => loaded.drop(),
  };
}
