/**
 * The generated datasets and queries the property tests share
 * (`differential.test.ts`, `cursor-walk.test.ts`): a snake_case resource,
 * rows with awkward values, and queries aimed at those rows.
 */
import fc from 'fast-check';
import { type ListQuery, leads, snakeCase, withColumns } from '../../src/index.js';
import { aimedQueryArbitrary, type GeneratedRow, rowsArbitrary } from '../../src/testing/index.js';

/** snake_case columns, so every engine also proves its column mapping. */
export const resource = withColumns(leads, snakeCase);
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
