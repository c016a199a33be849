/**
 * The generated datasets and queries the property tests share
 * (`differential.test.ts`, `cursor-walk.test.ts`): two snake_case resources
 * (leads as the contract has it, and leads with the opt-in language on),
 * rows with awkward values, and queries aimed at those rows (boolean groups
 * included).
 */
import fc from 'fast-check';
import {
  and,
  defineResource,
  type FilterOperator,
  type ListQuery,
  leads,
  type Resource,
  snakeCase,
  withColumns,
} from '../../src/index.js';
import { aimedQueryArbitrary, type GeneratedRow, rowsArbitrary } from '../../src/testing/index.js';
import { openLeads } from './open-leads.js';

/**
 * Leads with boolean groups (so queries carry `and=(…)` / `or=(…)` groups
 * with nested `or`, `and` and `not`), in snake_case columns, so every engine
 * also proves its column mapping.
 */
export const resource = withColumns(
  defineResource({ ...leads.definition, groups: true }),
  snakeCase,
);

/**
 * The same leads with `ne`/`nin`, the text operators, `all-words` search and
 * case-insensitive order on name and email (see `open-leads.ts`), in the same
 * columns: the new forms on every engine, over the same kind of rows.
 */
export const openResource = withColumns(
  defineResource({ ...openLeads.definition, groups: true }),
  snakeCase,
);

/** Every resource a generated case may use; each case picks one. */
export const resources: readonly Resource[] = [resource, openResource];
export const QUERIES_PER_DATASET = 10;

/**
 * Queries aimed at a dataset (values drawn mostly from its rows), half of
 * them with a server-built tree ANDed in.
 */
export function queryArbitrary(
  rows: readonly GeneratedRow[],
  on: Resource = resource,
): fc.Arbitrary<ListQuery> {
  return aimedQueryArbitrary(on, rows, {
    serverTrees: true,
    maxFilters: 3,
    maxLimit: 12,
    maxPage: 3,
  });
}

/** The operators of the opt-in language. */
const NEW_OPERATORS: readonly FilterOperator[] = [
  'ne',
  'nin',
  'contains',
  'startsWith',
  'endsWith',
];

/**
 * Half the queries of the open resource are focused: one condition alone, a
 * `ne`, `nin` or text filter, a group of such leaves, or an all-words search
 * (with the case-insensitive sorts and cursors of any query). Several
 * conditions ANDed mostly match nothing, and a filter over an empty set proves
 * little; alone, each new form selects some rows and not others.
 */
function focusedQueryArbitrary(
  rows: readonly GeneratedRow[],
  on: Resource,
): fc.Arbitrary<ListQuery> {
  if (on !== openResource) return queryArbitrary(rows, on);
  const focused = aimedQueryArbitrary(on, rows, {
    operators: NEW_OPERATORS,
    maxFilters: 1,
    maxLimit: 12,
    maxPage: 3,
  });
  return fc.oneof(
    queryArbitrary(rows, on),
    fc.tuple(focused, fc.nat()).map(([query, pick]) => {
      const conditions = query.filter.kind === 'and' ? query.filter.children : [query.filter];
      if (conditions.length === 0) return query;
      return { ...query, filter: and([conditions[pick % conditions.length]!]) };
    }),
  );
}

/** A resource, a dataset and the queries to ask of it. */
export const caseArbitrary: fc.Arbitrary<
  readonly [Resource, readonly GeneratedRow[], readonly ListQuery[]]
> = fc.constantFrom(...resources).chain((on) =>
  rowsArbitrary(on, { minLength: 5, maxLength: 40 }).chain((rows) =>
    fc.tuple(
      fc.constant(on),
      fc.constant(rows),
      fc.array(focusedQueryArbitrary(rows, on), {
        minLength: QUERIES_PER_DATASET,
        maxLength: QUERIES_PER_DATASET,
      }),
    ),
  ),
);
