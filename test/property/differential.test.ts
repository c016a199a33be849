/**
 * The keystone: for generated datasets and queries, every engine returns the
 * same rows, in the same order, with the same total, as the in-memory backend.
 * A mismatch is a bug in a backend; never narrow the generators to hide one.
 *
 * Runs per engine: LISTQL_RUNS_FACTOR × 30 datasets × 10 queries (300 queries).
 */
import { expect } from 'vitest';
import { runInMemory } from '../../src/backends/memory/index.js';
import type { ListQuery } from '../../src/index.js';
import type { EngineResult } from '../support/engine.js';
import { describeEngineProperty } from '../support/engine-property.js';
import { differentialEngines } from '../support/engines/index.js';

/**
 * The total as the strategy used allows: exact (and equal to the reference)
 * unless the query asked for none (null) or for an estimate the backend gave
 * (a non-negative integer: the planner's guess, not checked for closeness).
 */
function expectCount(actual: EngineResult, query: ListQuery, exactTotal: number | null): void {
  if (query.count === 'none') {
    expect({ total: actual.total, count: actual.count }).toEqual({ total: null, count: 'none' });
  } else if (actual.count === 'estimated') {
    expect(query.count).toBe('estimated');
    expect(Number.isSafeInteger(actual.total) && (actual.total ?? -1) >= 0).toBe(true);
  } else {
    expect({ total: actual.total, count: actual.count }).toEqual({
      total: exactTotal,
      count: 'exact',
    });
  }
}

describeEngineProperty(
  differentialEngines(),
  'returns what the memory backend returns',
  30,
  async (dataset, rows, query, resource) => {
    const expected = runInMemory(resource, query, rows);
    const actual = await dataset.run(query);
    expect({ data: actual.data, hasMore: actual.hasMore }).toEqual({
      data: expected.data,
      hasMore: expected.hasMore,
    });
    expectCount(actual, query, expected.total);
  },
);
