/**
 * The generated datasets and queries the property tests share
 * (`differential.test.ts`, `cursor-walk.test.ts`): a snake_case resource,
 * rows with awkward values, and queries aimed at those rows (boolean groups
 * included).
 */
import fc from 'fast-check';
import { defineResource, type ListQuery, leads, snakeCase, withColumns } from '../../src/index.js';
import { aimedQueryArbitrary, type GeneratedRow, rowsArbitrary } from '../../src/testing/index.js';

/**
 * Leads with boolean groups (so queries carry `and=(…)` / `or=(…)` groups
 * with nested `or`, `and` and `not`), in snake_case columns, so every engine
 * also proves its column mapping.
 */
export const resource = withColumns(
  defineResource({ ...leads.definition, groups: true }),
  snakeCase,
);
export const QUERIES_PER_DATASET = 10;

/**
 * Queries aimed at a dataset (values drawn mostly from its rows), half of
 * them with a server-built tree ANDed in.
 */
export function queryArbitrary(rows: readonly GeneratedRow[]): fc.Arbitrary<ListQuery> {
  return aimedQueryArbitrary(resource, rows, {
    serverTrees: true,
    maxFilters: 3,
    maxLimit: 12,
    maxPage: 3,
  });
}

/** A dataset and the queries to ask of it. */
export const caseArbitrary = rowsArbitrary(resource, { minLength: 5, maxLength: 40 }).chain(
  (rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.array(queryArbitrary(rows), {
        minLength: QUERIES_PER_DATASET,
        maxLength: QUERIES_PER_DATASET,
      }),
    ),
);
