/**
 * The keystone: for generated datasets and queries, every engine returns the
 * same rows, in the same order, with the same total, as the in-memory backend.
 * A mismatch is a bug in a backend; never narrow the generators to hide one.
 *
 * Runs per engine: LISTQL_RUNS_FACTOR × 30 datasets × 10 queries (300 queries).
 */
import { expect } from 'vitest';
import { runInMemory } from '../../src/backends/memory/index.js';
import { describeEngineProperty } from '../support/engine-property.js';
import { differentialEngines } from '../support/engines/index.js';
import { expectCount } from '../support/expect-count.js';

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
